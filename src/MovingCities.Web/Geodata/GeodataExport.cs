using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MovingCities.Web.Cities;
using MovingCities.Web.Data;
using NetTopologySuite.Features;

namespace MovingCities.Web.Geodata;

/// <summary>The database out as a geodata folder (<c>export</c>), in the format the seed and <c>import</c> read.</summary>
public sealed class GeodataExport(MovingCitiesDb db)
{
    /// <summary>Writes the database as a geodata folder that <see cref="GeodataReader"/> reads back unchanged.</summary>
    public async Task ExportAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        var types = await db.CommitmentTypes.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync();
        var order = types.Select((t, i) => (t.Key, i)).ToDictionary(x => x.Key, x => x.i);
        await WriteJsonAsync(Path.Combine(folder, GeodataFiles.CommitmentTypes), types.Select(t =>
            new CommitmentTypeRecord(t.Key, new(t.TitleDe, t.TitleEn), new(t.DescriptionDe, t.DescriptionEn), t.Color, t.Family)));

        var cities = await db.Cities.AsNoTracking().Include(c => c.Commitments).AsSplitQuery().OrderBy(c => c.Slug).ToListAsync();
        var collection = new FeatureCollection();
        foreach (var city in cities)
            collection.Add(ToFeature(city, order));
        await using (var stream = File.Create(Path.Combine(folder, GeodataFiles.Cities)))
            await JsonSerializer.SerializeAsync(stream, collection, GeoJson.Indented);

        var networks = await db.Networks.AsNoTracking().Include(n => n.Memberships).ThenInclude(m => m.City).OrderBy(n => n.Slug).ToListAsync();
        await WriteJsonAsync(Path.Combine(folder, GeodataFiles.Networks), networks.Select(n =>
            new NetworkRecord(n.Slug, n.Name, n.Description, n.Url, n.Memberships
                .OrderBy(m => m.City.Slug, StringComparer.Ordinal)
                .Select(m => new MembershipRecord(m.City.Slug, m.Date, m.Summary, m.SourceUrl))
                .ToList())));

        var newsFolder = Path.Combine(folder, GeodataFiles.NewsFolder);
        Directory.CreateDirectory(newsFolder);
        var posts = await db.NewsPosts.AsNoTracking().Include(p => p.Cities).OrderBy(p => p.Slug).ToListAsync();
        foreach (var post in posts)
        {
            var record = new NewsRecord(post.Slug, post.Title, post.Summary, post.PublishedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                post.Language, post.Status.ToString().ToLowerInvariant(), post.SourceUrl,
                post.Cities.Select(c => c.Slug).Order(StringComparer.Ordinal).ToList(), post.Body, post.TranslationSlug);
            await File.WriteAllTextAsync(Path.Combine(newsFolder, $"{post.Slug}.md"), NewsFile.Write(record));
        }

        // Proposals as their own file, without the proposers' emails; a database without any (a fresh seed) writes none.
        var proposals = await db.Proposals.AsNoTracking().OrderBy(p => p.Id).ToListAsync();
        if (proposals.Count > 0)
            await WriteJsonAsync(Path.Combine(folder, GeodataFiles.Proposals), proposals.Select(p => new ProposalRecord(
                p.Id, p.CitySlug, p.PlaceName, p.TypeKey, p.Status.ToString().ToLowerInvariant(), p.Date, p.Summary, p.Language,
                p.SourceUrl, p.State.ToString().ToLowerInvariant(), Utc(p.CreatedAtUtc),
                p.ReviewedAtUtc is { } reviewed ? Utc(reviewed) : null, p.Reason)));
    }

    static string Utc(DateTime time) => DateTime.SpecifyKind(time, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A city as <c>cities.geojson</c> holds it: the files' format, also the open-data download's.</summary>
    public static IFeature ToFeature(City city, IReadOnlyDictionary<string, int> typeOrder)
    {
        var properties = new AttributesTable { { "id", city.Slug }, { "name", city.Name }, { "country", city.Country } };
        if (city.Kind != PlaceKind.Municipality) properties.Add("kind", city.Kind.Key());
        if (city.Region is not null) properties.Add("region", city.Region);
        if (city.Description.OrNull() is { } description) properties.Add("description", description);
        if (city.ProfileUrl is not null) properties.Add("profileUrl", city.ProfileUrl);
        if (city.GazetteerName is not null) properties.Add("gazetteerName", city.GazetteerName);
        if (city.LocationNote is not null) properties.Add("locationNote", city.LocationNote);
        if (city.Ags is not null || city.WikidataId is not null)
            properties.Add("identifiers", new { ags = city.Ags, wikidata = city.WikidataId });
        var commitments = city.Commitments
            .OrderBy(c => typeOrder[c.TypeKey]).ThenBy(c => c.Date, StringComparer.Ordinal).ThenBy(c => c.SourceUrl, StringComparer.Ordinal)
            .Select(c => new CommitmentRecord(c.TypeKey, c.Status.ToString().ToLowerInvariant(), c.Date, c.Summary.OrNull(), c.SourceUrl,
                c.LastVerified?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
            .ToList();
        properties.Add("commitments", commitments);
        return new Feature(city.Location, properties);
    }

    static async Task WriteJsonAsync<T>(string path, IEnumerable<T> items)
    {
        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, items.ToList(), GeoJson.Indented);
    }
}
