using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using CsvHelper;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MovingCities.Tests.Infrastructure;
using NetTopologySuite.IO;

namespace MovingCities.Tests.OpenData;

/// <summary>The download files and their page: every commitment and city in each format, readable by the tools people use.</summary>
public class DownloadTests(SeededApp app) : IClassFixture<SeededApp>
{
    async Task<byte[]> Download(string name)
    {
        var response = await app.Get($"/downloads/{name}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    static List<Dictionary<string, string>> ReadCsv(byte[] bytes, out string[] header)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), new UTF8Encoding(false, throwOnInvalidBytes: true));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        header = csv.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
            rows.Add(csv.HeaderRecord!.ToDictionary(h => h, h => csv.GetField(h)!));
        return rows;
    }

    [Fact]
    public async Task Commitments_csv_has_a_header_and_one_row_per_commitment_in_utf8_with_crlf()
    {
        var response = await app.Get("/downloads/commitments.csv");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.NotEqual(0xEF, bytes[0]); // no byte order mark
        var text = Encoding.UTF8.GetString(bytes);
        Assert.EndsWith("\r\n", text);
        Assert.DoesNotContain("\n", text.Replace("\r\n", ""));

        var rows = ReadCsv(bytes, out var header);
        Assert.Equal(["id", "city", "cityName", "country", "region", "longitude", "latitude", "type", "status", "date",
            "summaryDe", "summaryEn", "sourceUrl", "lastVerified"], header);
        var stored = await app.App.WithDb(db => db.Commitments.Select(c => new { c.Id, c.City.Slug, c.TypeKey, c.SourceUrl }).ToListAsync());
        Assert.Equal(stored.Count, rows.Count);
        Assert.Equal(stored.Select(c => (c.Id.ToString(CultureInfo.InvariantCulture), c.Slug, c.TypeKey, c.SourceUrl)).Order(),
            rows.Select(r => (r["id"], r["city"], r["type"], r["sourceUrl"])).Order());
        var osnabrueck = rows.Single(r => r["city"] == "osnabrueck");
        Assert.Equal("Osnabrück", osnabrueck["cityName"]);
        Assert.Equal("8.0498", osnabrueck["longitude"]);
        Assert.Equal("52.27264", osnabrueck["latitude"]);
        Assert.Equal("decided", osnabrueck["status"]);
    }

    [Fact]
    public async Task Cities_csv_has_one_row_per_city_with_its_standing_commitment_types()
    {
        var rows = ReadCsv(await Download("cities.csv"), out var header);
        Assert.Equal(["id", "name", "country", "region", "longitude", "latitude", "commitments", "commitmentCount", "newsCount",
            "ags", "wikidata", "descriptionDe", "descriptionEn"], header);
        Assert.Equal((await app.GetJson("/api/cities")).FeatureIds(), rows.Select(r => r["id"]).Order());
        var konstanz = rows.Single(r => r["id"] == "konstanz");
        Assert.Equal("sea-rescue-support", konstanz["commitments"]);
        Assert.Equal("1", konstanz["commitmentCount"]);
        Assert.Equal("08335043", konstanz["ags"]);
        Assert.Equal("0", rows.Single(r => r["id"] == "hanau")["commitmentCount"]);
    }

    [Fact]
    public async Task A_summary_with_commas_quotes_and_a_line_break_survives_the_csv()
    {
        using var own = new TestApp();
        const string summary = "Council said \"yes\", twice;\nthen again.";
        await own.WithDb(async db =>
        {
            (await db.Commitments.FirstAsync(c => c.City.Slug == "konstanz")).Summary = new(summary, null);
            await db.SaveChangesAsync();
        });
        var bytes = await (await own.Get("/downloads/commitments.csv")).Content.ReadAsByteArrayAsync();
        Assert.Contains("\"Council said \"\"yes\"\", twice;\nthen again.\"", Encoding.UTF8.GetString(bytes));
        Assert.Equal(summary, ReadCsv(bytes, out _).Single(r => r["city"] == "konstanz")["summaryDe"]);
    }

    [Fact]
    public async Task Cities_geojson_holds_every_city_with_all_its_commitments_in_full()
    {
        var response = await app.Get("/downloads/cities.geojson");
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var collection = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("FeatureCollection", collection.GetProperty("type").GetString());
        Assert.Equal((await app.GetJson("/api/cities")).FeatureIds(), collection.FeatureIds());
        var commitments = collection.GetProperty("features").EnumerateArray()
            .SelectMany(f => f.GetProperty("properties").GetProperty("commitments").EnumerateArray()).ToList();
        Assert.Equal(await app.App.WithDb(db => db.Commitments.CountAsync()), commitments.Count);
        Assert.All(commitments, c => Assert.StartsWith("http", c.GetProperty("sourceUrl").GetString()));
    }

    [Fact]
    public async Task The_geopackage_has_the_gpkg_tables_and_both_layers_with_every_city_and_commitment()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("movingcities-gpkg-").FullName, "download.gpkg");
        await File.WriteAllBytesAsync(path, await Download("moving-cities.gpkg"));
        var (cities, commitments) = await app.App.WithDb(async db => (await db.Cities.CountAsync(), await db.Commitments.CountAsync()));

        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        object? Scalar(string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return command.ExecuteScalar();
        }
        Assert.Equal(0x47504B47L, Scalar("PRAGMA application_id")); // "GPKG"
        Assert.Equal(10200L, Scalar("PRAGMA user_version"));
        Assert.Equal("ok", Scalar("PRAGMA integrity_check"));
        Assert.Equal(1L, Scalar("SELECT COUNT(*) FROM gpkg_spatial_ref_sys WHERE srs_id = 4326 AND organization = 'EPSG'"));
        Assert.Equal(2L, Scalar("SELECT COUNT(*) FROM gpkg_spatial_ref_sys WHERE srs_id IN (-1, 0)"));
        Assert.Equal("cities,commitments", Scalar("SELECT group_concat(table_name, ',') FROM (SELECT table_name FROM gpkg_contents WHERE data_type = 'features' AND srs_id = 4326 ORDER BY table_name)"));
        Assert.Equal(2L, Scalar("SELECT COUNT(*) FROM gpkg_geometry_columns WHERE column_name = 'geom' AND geometry_type_name = 'POINT' AND srs_id = 4326"));
        Assert.Equal((long)cities, Scalar("SELECT COUNT(*) FROM cities"));
        Assert.Equal((long)commitments, Scalar("SELECT COUNT(*) FROM commitments"));

        var blob = (byte[])Scalar("SELECT geom FROM cities WHERE id = 'konstanz'")!;
        Assert.Equal("GP"u8.ToArray(), blob[..2]);
        var point = new GeoPackageGeoReader { HandleSRID = true }.Read(blob);
        Assert.Equal((9.17582, 47.66033), (point.Coordinate.X, point.Coordinate.Y));
        Assert.Equal(4326, point.SRID);
        Assert.True(double.IsNaN(point.Coordinate.Z), "points are 2D");
        Assert.Equal("decided", Scalar("SELECT status FROM commitments WHERE city = 'osnabrueck'"));
    }

    [Fact]
    public async Task The_datapackage_describes_both_csv_files_exactly_with_licence_and_sources()
    {
        var package = JsonDocument.Parse(await Download("datapackage.json")).RootElement;
        Assert.Equal("tabular-data-package", package.GetProperty("profile").GetString());
        Assert.Equal("CC-BY-4.0", package.GetProperty("licenses")[0].GetProperty("name").GetString());
        Assert.Contains(package.GetProperty("sources").EnumerateArray(), s => s.GetProperty("title").GetString()!.Contains("GeoNames"));
        foreach (var resource in package.GetProperty("resources").EnumerateArray())
        {
            var path = resource.GetProperty("path").GetString()!;
            var bytes = await Download(path);
            ReadCsv(bytes, out var header);
            Assert.Equal(header, resource.GetProperty("schema").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
            Assert.All(resource.GetProperty("schema").GetProperty("fields").EnumerateArray(), f =>
                Assert.Contains(f.GetProperty("type").GetString(), new[] { "string", "integer", "number", "date" }));
            Assert.Equal(bytes.Length, resource.GetProperty("bytes").GetInt32());
            Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes)), resource.GetProperty("hash").GetString());
            Assert.Equal("utf-8", resource.GetProperty("encoding").GetString());
        }
        Assert.Equal(["cities.csv", "commitments.csv"], package.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("path").GetString()).Order());
    }

    [Fact]
    public async Task Downloads_revalidate_with_their_etag_and_a_name_that_is_none_gets_the_404_page()
    {
        var first = await app.Get("/downloads/moving-cities.gpkg");
        var again = await app.Get("/downloads/moving-cities.gpkg", h => h.IfNoneMatch.Add(first.Headers.ETag!));
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);

        var missing = await app.Get("/downloads/everything.zip");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("text/html", missing.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("en", "Licence", "commitments.csv")]
    [InlineData("de", "Lizenz", "commitments.csv")]
    public async Task The_downloads_page_lists_each_file_with_its_size_the_data_date_and_the_licence(string lang, string licence, string file)
    {
        var response = await app.Get($"/{lang}/downloads");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var links = page.QuerySelectorAll("main a[download]").Select(a => a.GetAttribute("href")).ToArray();
        Assert.Equal(["/downloads/commitments.csv", "/downloads/cities.csv", "/downloads/cities.geojson", "/downloads/moving-cities.gpkg", "/downloads/datapackage.json"], links);
        foreach (var size in page.QuerySelectorAll("main [data-bytes]"))
        {
            var href = size.ParentElement!.QuerySelector("a")!.GetAttribute("href")!;
            Assert.Equal((await Download(href["/downloads/".Length..])).Length.ToString(CultureInfo.InvariantCulture), size.GetAttribute("data-bytes"));
            Assert.Matches(@"^\d[\d.,]* (KB|MB)$", size.TextContent);
        }
        var main = page.QuerySelector("main")!.TextContent;
        Assert.Contains(licence, main);
        Assert.Contains("CC BY 4.0", main);
        Assert.Contains("GeoNames", main);
        Assert.Contains(file, main);
        Assert.NotNull(page.QuerySelector("main a[href='/ogc']"));
    }

    [Fact]
    public async Task The_data_date_is_the_newest_of_changes_checks_and_commitment_dates()
    {
        using var own = new TestApp();
        await own.WithDb(async db =>
        {
            var konstanz = await db.Commitments.FirstAsync(c => c.City.Slug == "konstanz");
            konstanz.Date = "2024-05";
            konstanz.LastVerified = new DateOnly(2025, 3, 14);
            await db.SaveChangesAsync();
        });
        var page = await (await own.Get("/en/downloads")).Content.ReadAsStringAsync();
        Assert.Contains("Data as of 14 March 2025.", page);
    }

    [Fact]
    public async Task The_old_address_redirects_and_the_about_page_links_the_downloads_and_the_ogc_api()
    {
        var redirect = await app.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
            .SendAsync(new HttpRequestMessage(HttpMethod.Get, "/downloads") { Headers = { { "Accept-Language", "en" } } });
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal("/en/downloads", redirect.Headers.Location?.OriginalString);

        foreach (var lang in new[] { "de", "en" })
        {
            var about = new HtmlParser().ParseDocument(await (await app.Get($"/{lang}/about")).Content.ReadAsStringAsync());
            Assert.NotNull(about.QuerySelector($"main a[href='/{lang}/downloads']"));
            Assert.NotNull(about.QuerySelector("main a[href='/ogc']"));
        }
    }
}
