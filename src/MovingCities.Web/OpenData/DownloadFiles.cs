using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.Data.Sqlite;
using MovingCities.Web.Cities;
using MovingCities.Web.Commitments;
using MovingCities.Web.Data;
using MovingCities.Web.Geodata;
using MovingCities.Web.Http;
using NetTopologySuite.Features;
using NetTopologySuite.IO;

namespace MovingCities.Web.OpenData;

/// <summary>One download: its name under <c>/downloads/</c>, its bytes (with ETag and encodings) and the text key that describes it.</summary>
public sealed record DownloadFile(string Name, string TextKey, Representation Representation)
{
    public long Bytes => Representation.Body.Length;
}

/// <summary>The files of <c>/{lang}/downloads</c>, written once per data version from <see cref="OpenDataSets"/>.</summary>
public sealed record Downloads(IReadOnlyList<DownloadFile> Files, DateOnly? DataDate)
{
    public const string CommitmentsCsv = "commitments.csv", CitiesCsv = "cities.csv", CitiesGeoJson = "cities.geojson",
        GeoPackage = "moving-cities.gpkg", DataPackage = "datapackage.json";

    public DownloadFile? Find(string name) => Files.FirstOrDefault(f => f.Name == name);
}

/// <summary>
/// Writes the download files: CSV by CsvHelper (RFC 4180: comma, CRLF, quotes doubled, UTF-8, a header row), the
/// GeoJSON in the format of <c>geodata/cities.geojson</c>, a GeoPackage with a layer per table, and a Frictionless
/// <c>datapackage.json</c> describing the CSV files. The columns are declared once (<see cref="Column{T}"/>) and
/// every format follows them.
/// </summary>
public sealed class DownloadFiles(OpenDataSets sets)
{
    readonly SemaphoreSlim _writing = new(1, 1);
    (OpenDataSet Set, Downloads Files)? _written;

    public async Task<Downloads> GetAsync(CancellationToken cancellationToken)
    {
        var set = await sets.GetAsync(cancellationToken);
        if (_written is { } written && ReferenceEquals(written.Set, set))
            return written.Files;
        await _writing.WaitAsync(cancellationToken);
        try
        {
            if (_written is { } fresh && ReferenceEquals(fresh.Set, set))
                return fresh.Files;
            var files = Write(set);
            _written = (set, files);
            return files;
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>A column of a table: its name, Frictionless type, what it holds, and how to read it from a row.</summary>
    public sealed record Column<T>(string Name, string Type, string Description, Func<T, object?> Value);

    public static readonly Column<OpenCommitment>[] CommitmentColumns =
    [
        new("id", "integer", "The commitment's number (also its OGC feature id).", c => c.Commitment.Id),
        new("city", "string", "The city's slug (its id on the map and in cities.csv).", c => c.City.Slug),
        new("cityName", "string", "The city's name.", c => c.City.Name),
        new("country", "string", "ISO 3166-1 alpha-2 country code.", c => c.City.Country),
        new("region", "string", "State, canton or province.", c => c.City.Region),
        new("longitude", "number", "The city's position, WGS 84 (from the GeoNames gazetteer).", c => c.City.Longitude),
        new("latitude", "number", "The city's position, WGS 84 (from the GeoNames gazetteer).", c => c.City.Latitude),
        new("type", "string", "Commitment type key (see /api/commitment-types).", c => c.Commitment.TypeKey),
        new("status", "string", "announced, decided, implemented, revoked or rejected; only the first three are commitments that stand.", c => c.Commitment.Status.ToString().ToLowerInvariant()),
        new("date", "string", "ISO 8601 date as precise as the source: 2019, 2019-07 or 2019-07-11; empty when undated.", c => c.Commitment.Date),
        new("summaryDe", "string", "Summary in German, in our own words.", c => c.Commitment.Summary.De),
        new("summaryEn", "string", "Summary in English, in our own words.", c => c.Commitment.Summary.En),
        new("sourceUrl", "string", "The page the fact was read on: credit it when you use the row.", c => c.Commitment.SourceUrl),
        new("lastVerified", "date", "When someone last checked that the source still says this.", c => c.Commitment.LastVerified),
    ];

    public static readonly Column<(City City, OpenDataSet Set)>[] CityColumns =
    [
        new("id", "string", "The city's slug, its id on the map (/cities/{id}).", c => c.City.Slug),
        new("name", "string", "The city's name, as it writes itself.", c => c.City.Name),
        new("country", "string", "ISO 3166-1 alpha-2 country code.", c => c.City.Country),
        new("region", "string", "State, canton or province.", c => c.City.Region),
        new("longitude", "number", "WGS 84, from the GeoNames gazetteer.", c => c.City.Longitude),
        new("latitude", "number", "WGS 84, from the GeoNames gazetteer.", c => c.City.Latitude),
        new("commitments", "string", "The types of its commitments that stand (announced, decided, implemented), separated by ';'.",
            c => string.Join(';', c.Set.ByCity[c.City.Id].Where(m => m.Fact.Status.IsLive()).Select(m => m.Fact.Type).Distinct())),
        new("commitmentCount", "integer", "Its commitments of every status (rows in commitments.csv).", c => c.Set.ByCity[c.City.Id].Length),
        new("newsCount", "integer", "Published news posts about it.", c => c.Set.NewsCounts.GetValueOrDefault(c.City.Id)),
        new("ags", "string", "German municipality key (Amtlicher Gemeindeschlüssel).", c => c.City.Ags),
        new("wikidata", "string", "Wikidata item.", c => c.City.WikidataId),
        new("descriptionDe", "string", "Short description in German.", c => c.City.Description.De),
        new("descriptionEn", "string", "Short description in English.", c => c.City.Description.En),
    ];

    static Downloads Write(OpenDataSet set)
    {
        var cityRows = set.Cities.Select(c => (c, set)).ToList();
        var commitmentsCsv = Csv(CommitmentColumns, set.Commitments);
        var citiesCsv = Csv(CityColumns, cityRows);

        var collection = new FeatureCollection();
        foreach (var city in set.Cities)
            collection.Add(GeodataExport.ToFeature(city, set.TypeOrder));
        var geoJson = JsonSerializer.SerializeToUtf8Bytes(collection, GeoJson.Indented);

        var files = new List<DownloadFile>
        {
            new(Downloads.CommitmentsCsv, "Downloads.CommitmentsCsv", new(commitmentsCsv, "text/csv; charset=utf-8; header=present")),
            new(Downloads.CitiesCsv, "Downloads.CitiesCsv", new(citiesCsv, "text/csv; charset=utf-8; header=present")),
            new(Downloads.CitiesGeoJson, "Downloads.CitiesGeoJson", new(geoJson, GeoJson.MediaType)),
            new(Downloads.GeoPackage, "Downloads.GeoPackage", new(GeoPackageFile(set, cityRows), "application/geopackage+sqlite3")),
        };
        files.Add(new(Downloads.DataPackage, "Downloads.DataPackage", new(DataPackage(set, commitmentsCsv, citiesCsv), "application/json")));
        return new Downloads(files, set.DataDate);
    }

    static string Text(object? value) => value switch
    {
        null => "",
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    static byte[] Csv<T>(Column<T>[] columns, IEnumerable<T> rows)
    {
        using var output = new MemoryStream();
        using (var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\r\n" }))
        {
            foreach (var column in columns)
                csv.WriteField(column.Name);
            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var column in columns)
                    csv.WriteField(Text(column.Value(row)));
                csv.NextRecord();
            }
        }
        return output.ToArray();
    }

    static byte[] DataPackage(OpenDataSet set, byte[] commitmentsCsv, byte[] citiesCsv)
    {
        object Fields<T>(Column<T>[] columns) => columns.Select(c => new { name = c.Name, type = c.Type, description = c.Description }).ToArray();
        object Resource<T>(string name, string path, string title, Column<T>[] columns, byte[] bytes) => new
        {
            name,
            path,
            title,
            profile = "tabular-data-resource",
            format = "csv",
            mediatype = "text/csv",
            encoding = "utf-8",
            bytes = bytes.Length,
            hash = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes)),
            dialect = new { delimiter = ",", lineTerminator = "\r\n", quoteChar = "\"", doubleQuote = true, header = true },
            schema = new { fields = Fields(columns), primaryKey = "id" },
        };
        var package = new
        {
            profile = "tabular-data-package",
            name = "moving-cities",
            title = "Moving Cities: solidarity cities and their commitments",
            description = "Municipalities in Europe that declared themselves safe harbours, support civil sea rescue, offer to admit refugees "
                + "beyond quotas or counsel people on their right to stay; one row per commitment, each with the page it was read on. "
                + DataLicence.Attribution,
            created = set.DataDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            licenses = new[] { new { name = DataLicence.Name, path = DataLicence.Url, title = DataLicence.Title } },
            sources = new[]
            {
                new { title = "The page each commitment was read on (column sourceUrl of commitments.csv)", path = (string?)null },
                new { title = "GeoNames (positions and regions, CC BY 4.0)", path = (string?)DataLicence.GeoNamesUrl },
            },
            resources = new[]
            {
                Resource("commitments", Downloads.CommitmentsCsv, "Commitments, one row per commitment", CommitmentColumns, commitmentsCsv),
                Resource("cities", Downloads.CitiesCsv, "Cities, one row per city", CityColumns, citiesCsv),
            },
        };
        return JsonSerializer.SerializeToUtf8Bytes(package, GeoJson.Indented);
    }

    /// <summary>
    /// A GeoPackage 1.2 (what GDAL, QGIS and ArcGIS open): the required tables (spatial reference systems, contents,
    /// geometry columns) and one feature table per layer, points as GeoPackage geometry blobs (NetTopologySuite.IO.GeoPackage).
    /// SQLite needs a file, so it is written to a temporary one and read back.
    /// </summary>
    static byte[] GeoPackageFile(OpenDataSet set, List<(City City, OpenDataSet Set)> cities)
    {
        var path = Path.Combine(Path.GetTempPath(), $"movingcities-{Guid.NewGuid():N}.gpkg");
        try
        {
            using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
            {
                connection.Open();
                // One transaction: thousands of rows are one write instead of one each.
                Execute(connection, """
                    BEGIN;
                    PRAGMA application_id = 1196444487;
                    PRAGMA user_version = 10200;
                    CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
                        organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
                    INSERT INTO gpkg_spatial_ref_sys VALUES
                        ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
                        ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'),
                        ('WGS 84 geodetic', 4326, 'EPSG', 4326, 'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]', 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');
                    CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
                        description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
                        min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
                        CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
                    CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
                        srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
                        CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name), CONSTRAINT uk_gc_table_name UNIQUE (table_name),
                        CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
                        CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
                    """);
                var lastChange = (set.DataDate ?? DateOnly.FromDateTime(set.ReadAt.UtcDateTime)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00.000Z";
                Layer(connection, OgcCollection.CitiesId, "Cities, one feature per city", CityColumns, cities, c => c.City, set, lastChange);
                Layer(connection, OgcCollection.CommitmentsId, "Commitments, one feature per commitment at its city's position",
                    CommitmentColumns, set.Commitments, c => c.City, set, lastChange);
                Execute(connection, "COMMIT");
            }
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    static void Layer<T>(SqliteConnection connection, string table, string description, Column<T>[] columns, IEnumerable<T> rows,
        Func<T, City> cityOf, OpenDataSet set, string lastChange)
    {
        // The columns keep their names; "id" is data here (a slug or a number), the layer's own key is fid.
        static string SqlType(string type) => type switch { "integer" => "INTEGER", "number" => "DOUBLE", "date" => "DATE", _ => "TEXT" };
        Execute(connection, $"CREATE TABLE \"{table}\" (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom POINT, "
            + string.Join(", ", columns.Select(c => $"\"{c.Name}\" {SqlType(c.Type)}")) + ")");
        var box = set.Bbox ?? [0, 0, 0, 0];
        using (var contents = connection.CreateCommand())
        {
            contents.CommandText = "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, min_x, min_y, max_x, max_y, srs_id) "
                + "VALUES ($t, 'features', $t, $d, $c, $x0, $y0, $x1, $y1, 4326); "
                + "INSERT INTO gpkg_geometry_columns VALUES ($t, 'geom', 'POINT', 4326, 0, 0);";
            contents.Parameters.AddWithValue("$t", table);
            contents.Parameters.AddWithValue("$d", description + ". " + DataLicence.Attribution + " Licence: " + DataLicence.Title);
            contents.Parameters.AddWithValue("$c", lastChange);
            contents.Parameters.AddWithValue("$x0", box[0]);
            contents.Parameters.AddWithValue("$y0", box[1]);
            contents.Parameters.AddWithValue("$x1", box[2]);
            contents.Parameters.AddWithValue("$y1", box[3]);
            contents.ExecuteNonQuery();
        }

        using var insert = connection.CreateCommand();
        insert.CommandText = $"INSERT INTO \"{table}\" (geom, {string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) VALUES ($geom, "
            + string.Join(", ", columns.Select((_, i) => $"$p{i}")) + ")";
        var geometry = insert.Parameters.Add("$geom", SqliteType.Blob);
        var values = columns.Select((_, i) => insert.Parameters.Add($"$p{i}", SqliteType.Text)).ToArray();
        // Points are 2D: without this the writer declares Z and M (as NaN), and GDAL reads "POINT ZM".
        var writer = new GeoPackageGeoWriter { HandleOrdinates = NetTopologySuite.Geometries.Ordinates.XY };
        foreach (var row in rows)
        {
            var city = cityOf(row);
            geometry.Value = writer.Write(Spatial.CreatePoint(city.Longitude, city.Latitude));
            for (var i = 0; i < columns.Length; i++)
            {
                var value = columns[i].Value(row);
                values[i].SqliteType = columns[i].Type switch { "integer" => SqliteType.Integer, "number" => SqliteType.Real, _ => SqliteType.Text };
                values[i].Value = value switch { null => DBNull.Value, DateOnly day => Text(day), _ => value };
            }
            insert.ExecuteNonQuery();
        }
    }

    static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
