using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration.Attributes;

namespace MovingCities.Web.Geodata.Facts;

/// <summary>One row of a facts file such as geodata/sources/solidarity-commitments.csv (see geodata/sources/README.md).</summary>
public sealed class FactRow
{
    [Name("city")] public string City { get; set; } = "";
    [Name("country_code")] public string Country { get; set; } = "";
    [Name("region")] public string Region { get; set; } = "";
    [Name("commitment")] public string Commitment { get; set; } = "";
    [Name("status")] public string Status { get; set; } = "";
    [Name("date")] public string Date { get; set; } = "";
    [Name("source_url")] public string SourceUrl { get; set; } = "";
    [Name("note")] public string Note { get; set; } = "";

    [Ignore] public int Line { get; set; }
    /// <summary>The facts file's name (e.g. <c>solidarity-commitments-2.csv</c>): with <see cref="Line"/>, where the row is.</summary>
    [Ignore] public string File { get; set; } = "";
}

/// <summary>Reading a facts file: its rows with the line each came from, for the report.</summary>
public static class FactsFile
{
    public static List<FactRow> Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = new List<FactRow>();
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            var row = csv.GetRecord<FactRow>();
            row.Line = csv.Parser.RawRow;
            row.File = Path.GetFileName(path);
            rows.Add(row);
        }
        return rows;
    }
}
