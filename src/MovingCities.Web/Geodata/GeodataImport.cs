using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MovingCities.Web.Cities;
using MovingCities.Web.Commitments;
using MovingCities.Web.Data;
using MovingCities.Web.Networks;
using MovingCities.Web.News;

namespace MovingCities.Web.Geodata;

/// <summary>Geodata files into the database: the seed of an empty database, and <c>import</c> of cities.</summary>
public sealed class GeodataImport(MovingCitiesDb db)
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
            // The reader has checked that the catalogue has both languages.
            Key = t.Key, TitleDe = t.Title.De!, TitleEn = t.Title.En!,
            DescriptionDe = t.Description.De!, DescriptionEn = t.Description.En!, Color = t.Color.ToLowerInvariant(), Family = t.Family!, SortOrder = i,
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
            Slug = p.Slug, Title = p.Title, Summary = p.Summary, Body = p.Body, Language = p.Language, TranslationSlug = p.Translation,
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
            city.SearchName == CityRules.NameKey(record.Name) && city.Country == record.Country;
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
                // A changed city is a new version: an editor's form opened before the import now gets a 409
                // instead of writing the old values back over it.
                city.Version++;
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
        city.Description = record.Description ?? LocalizedText.Empty;
        city.ProfileUrl = record.ProfileUrl;
        city.GazetteerName = record.GazetteerName;
        city.LocationNote = record.LocationNote;
        city.Kind = record.Kind;
        city.Ags = record.Ags;
        city.WikidataId = record.WikidataId;
        city.MoveTo(record.Longitude, record.Latitude);
        city.Commitments.AddRange(record.Commitments.Select(c => new Commitment
        {
            TypeKey = c.Type, Status = Enum.Parse<CommitmentStatus>(c.Status, ignoreCase: true), Date = c.Date,
            Summary = c.Summary ?? LocalizedText.Empty, SourceUrl = c.SourceUrl,
            LastVerified = c.LastVerified is null ? null : DateOnly.ParseExact(c.LastVerified, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        }));
        return city;
    }
}
