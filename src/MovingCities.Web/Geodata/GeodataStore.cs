using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MovingCities.Web.Cities;
using MovingCities.Web.Commitments;
using MovingCities.Web.Data;
using MovingCities.Web.Networks;
using MovingCities.Web.News;
using NetTopologySuite.Features;

namespace MovingCities.Web.Geodata;

/// <summary>Moves geodata between files and the database: seed, import of cities, export.</summary>
public sealed class GeodataStore(MovingCitiesDb db)
{
    /// <summary>Whether the database holds nothing to keep, so seeding cannot duplicate or overwrite.</summary>
    public async Task<bool> IsEmptyAsync() =>
        !await db.CommitmentTypes.AnyAsync() && !await db.Cities.AnyAsync() && !await db.NewsPosts.AnyAsync();

    /// <summary>Writes a whole geodata set in one transaction.</summary>
    public async Task SeedAsync(GeodataSet set)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.CommitmentTypes.AddRange(set.CommitmentTypes.Select((t, i) => new CommitmentType
        {
            Key = t.Key, TitleDe = t.Title.De, TitleEn = t.Title.En,
            DescriptionDe = t.Description.De, DescriptionEn = t.Description.En, Color = t.Color.ToLowerInvariant(), SortOrder = i,
        }));
        await db.SaveChangesAsync();

        var cities = set.Cities.ToDictionary(c => c.Slug!, c => Apply(new City { Slug = c.Slug!, Name = c.Name, Country = c.Country }, c));
        db.Cities.AddRange(cities.Values);
        db.Networks.AddRange(set.Networks.Select(n => new Network
        {
            Slug = n.Slug, Name = n.Name, Description = n.Description, Url = n.Url,
            Memberships = n.Members.Select(m => new NetworkMembership
            {
                City = cities[m.City], Date = m.Date, Summary = m.Summary, SourceUrl = m.SourceUrl,
            }).ToList(),
        }));
        db.NewsPosts.AddRange(set.News.Select(p => new NewsPost
        {
            Slug = p.Slug, Title = p.Title, Summary = p.Summary, Body = p.Body, Language = p.Language,
            PublishedAt = DateOnly.ParseExact(p.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Status = Enum.Parse<NewsStatus>(p.Status, ignoreCase: true), SourceUrl = p.Source,
            Cities = p.Cities.Select(slug => cities[slug]).ToList(),
        }));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    public sealed record ImportResult(int Created, int Updated);

    /// <summary>
    /// Creates or updates the cities in a GeoJSON file, all or nothing. A city in the file is described whole:
    /// its commitments replace the stored ones. Features without an id match an existing city of the same
    /// name and country, or get a new slug.
    /// </summary>
    /// <exception cref="GeodataException">naming each bad feature and field; nothing has been written.</exception>
    public async Task<ImportResult> ImportCitiesAsync(string json, string fileName)
    {
        var knownTypes = (await db.CommitmentTypes.Select(t => t.Key).ToListAsync()).ToHashSet();
        var (records, problems) = CityFileReader.Read(json, fileName, knownTypes);
        if (problems.Count > 0)
            throw new GeodataException(problems);

        var existing = await db.Cities.Include(c => c.Commitments).AsSplitQuery().ToDictionaryAsync(c => c.Slug);
        bool SameCity(City city, CityRecord record) =>
            city.Name == record.Name && city.Country == record.Country;
        records = CitySlugs.AssignAll(records, (slug, record) => existing.TryGetValue(slug, out var city) && !SameCity(city, record));

        await using var transaction = await db.Database.BeginTransactionAsync();
        int created = 0, updated = 0;
        foreach (var record in records)
        {
            if (existing.TryGetValue(record.Slug!, out var city))
            {
                city.Name = record.Name;
                city.Country = record.Country;
                city.Commitments.Clear();
                Apply(city, record);
                updated++;
            }
            else
            {
                db.Cities.Add(Apply(new City { Slug = record.Slug!, Name = record.Name, Country = record.Country }, record));
                created++;
            }
        }
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return new ImportResult(created, updated);
    }

    static City Apply(City city, CityRecord record)
    {
        city.Region = record.Region;
        city.Description = record.Description;
        city.ProfileUrl = record.ProfileUrl;
        city.GazetteerName = record.GazetteerName;
        city.LocationNote = record.LocationNote;
        city.Ags = record.Ags;
        city.WikidataId = record.WikidataId;
        city.MoveTo(record.Longitude, record.Latitude);
        city.Commitments.AddRange(record.Commitments.Select(c => new Commitment
        {
            TypeKey = c.Type, Status = Enum.Parse<CommitmentStatus>(c.Status, ignoreCase: true), Date = c.Date,
            Summary = c.Summary, SourceUrl = c.SourceUrl,
            LastVerified = c.LastVerified is null ? null : DateOnly.ParseExact(c.LastVerified, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        }));
        return city;
    }

    /// <summary>Writes the database as a geodata folder that <see cref="GeodataReader"/> reads back unchanged.</summary>
    public async Task ExportAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        var types = await db.CommitmentTypes.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync();
        var order = types.Select((t, i) => (t.Key, i)).ToDictionary(x => x.Key, x => x.i);
        await WriteJsonAsync(Path.Combine(folder, GeodataFiles.CommitmentTypes), types.Select(t =>
            new CommitmentTypeRecord(t.Key, new(t.TitleDe, t.TitleEn), new(t.DescriptionDe, t.DescriptionEn), t.Color)));

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
                post.Cities.Select(c => c.Slug).Order(StringComparer.Ordinal).ToList(), post.Body);
            await File.WriteAllTextAsync(Path.Combine(newsFolder, $"{post.Slug}.md"), NewsFile.Write(record));
        }
    }

    static IFeature ToFeature(City city, IReadOnlyDictionary<string, int> typeOrder)
    {
        var properties = new AttributesTable { { "id", city.Slug }, { "name", city.Name }, { "country", city.Country } };
        if (city.Region is not null) properties.Add("region", city.Region);
        if (city.Description is not null) properties.Add("description", city.Description);
        if (city.ProfileUrl is not null) properties.Add("profileUrl", city.ProfileUrl);
        if (city.GazetteerName is not null) properties.Add("gazetteerName", city.GazetteerName);
        if (city.LocationNote is not null) properties.Add("locationNote", city.LocationNote);
        if (city.Ags is not null || city.WikidataId is not null)
            properties.Add("identifiers", new { ags = city.Ags, wikidata = city.WikidataId });
        var commitments = city.Commitments
            .OrderBy(c => typeOrder[c.TypeKey]).ThenBy(c => c.Date, StringComparer.Ordinal).ThenBy(c => c.SourceUrl, StringComparer.Ordinal)
            .Select(c => new CommitmentRecord(c.TypeKey, c.Status.ToString().ToLowerInvariant(), c.Date, c.Summary, c.SourceUrl,
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
