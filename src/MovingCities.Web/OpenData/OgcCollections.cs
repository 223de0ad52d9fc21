using System.Globalization;
using MovingCities.Web.Cities;
using MovingCities.Web.Commitments;
using MovingCities.Web.Data;
using MovingCities.Web.Localization;
using NetTopologySuite.Features;

namespace MovingCities.Web.OpenData;

/// <summary>The licence of the data, one statement for the OGC metadata, the downloads page and <c>datapackage.json</c>.</summary>
public static class DataLicence
{
    public const string Name = "CC-BY-4.0";
    public const string Title = "Creative Commons Attribution 4.0";
    public const string Url = "https://creativecommons.org/licenses/by/4.0/";

    /// <summary>Who to credit: the project, the source each commitment names, and GeoNames for the positions.</summary>
    public const string Attribution =
        "Moving Cities (commitments, with the source named per commitment in sourceUrl); positions and regions: GeoNames (CC BY 4.0).";

    public const string GeoNamesUrl = "https://www.geonames.org/";
}

/// <summary>
/// The two feature collections: <c>cities</c> (one feature per city) and <c>commitments</c> (one per commitment, at
/// its city's position). What a feature holds is decided here, for OGC answers and the download files alike.
/// </summary>
public abstract class OgcCollection
{
    public const string CitiesId = "cities", CommitmentsId = "commitments";

    public static readonly OgcCollection Cities = new CityCollection();
    public static readonly OgcCollection Commitments = new CommitmentCollection();
    public static readonly IReadOnlyList<OgcCollection> All = [Cities, Commitments];

    public static OgcCollection? Find(string id) => All.FirstOrDefault(c => c.Id == id);

    public abstract string Id { get; }

    /// <summary>Text keys of the title and description (<c>Ogc.Cities.Title</c> …).</summary>
    public string TextKey => Id == CitiesId ? "Ogc.Cities" : "Ogc.Commitments";

    /// <summary>The features the filter keeps, in a stable order (cities by slug; commitments by city, then catalogue order).</summary>
    public abstract IEnumerable<object> Select(OpenDataSet set, OgcFilter filter, IReadOnlySet<string>? inBox);

    /// <summary>
    /// One page of the matches and how many match in all, in one pass: paging through 100,000 cities then keeps only
    /// the page, not a list of every match per request.
    /// </summary>
    public (List<object> Page, int Matched) Page(OpenDataSet set, OgcFilter filter, IReadOnlySet<string>? inBox)
    {
        // Unfiltered, as GDAL and QGIS page through a layer: the page is a slice, whatever the number of features.
        if (filter.KeepsEverything && inBox is null)
        {
            var all = Everything(set);
            return (Enumerable.Range(filter.Offset, Math.Max(0, Math.Min(filter.Limit, all.Count - filter.Offset))).Select(i => all[i]).ToList(), all.Count);
        }
        var page = new List<object>(Math.Min(filter.Limit, 1024));
        var matched = 0;
        foreach (var item in Select(set, filter, inBox))
        {
            if (matched >= filter.Offset && page.Count < filter.Limit)
                page.Add(item);
            matched++;
        }
        return (page, matched);
    }

    /// <summary>Every feature, in the order of <see cref="Select"/>.</summary>
    protected abstract IReadOnlyList<object> Everything(OpenDataSet set);

    /// <summary>One feature by its id (a city's slug, a commitment's number), or null.</summary>
    public abstract object? Find(OpenDataSet set, string featureId);

    public abstract IFeature ToFeature(OpenDataSet set, object item, string origin);

    /// <summary>A row for an HTML table: the feature's id and the cells under <see cref="Columns"/>.</summary>
    public abstract (string Id, string?[] Cells, string? Link, string?[] Langs) ToRow(OpenDataSet set, object item, string lang);

    /// <summary>Text keys of the HTML table's columns.</summary>
    public abstract string[] Columns { get; }

    /// <summary>The city a feature is placed at.</summary>
    protected abstract City CityOf(object item);

    public bool InBox(object item, IReadOnlySet<string>? inBox) => inBox is null || inBox.Contains(CityOf(item).Slug);

    /// <summary>A city's page without a language: it sends each reader to their own.</summary>
    public static string PageAddress(string slug) => Addresses.Negotiated(new PathString(Addresses.City(SiteLanguages.Default, slug)))!;

    public static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    sealed class CityCollection : OgcCollection
    {
        public override string Id => CitiesId;

        public override IEnumerable<object> Select(OpenDataSet set, OgcFilter filter, IReadOnlySet<string>? inBox) =>
            set.Cities.Where(c => (inBox is null || inBox.Contains(c.Slug)) && filter.Matches(c, set.ByCity[c.Id]));

        public override object? Find(OpenDataSet set, string featureId) => set.BySlug.GetValueOrDefault(featureId);

        protected override IReadOnlyList<object> Everything(OpenDataSet set) => set.Cities;

        protected override City CityOf(object item) => (City)item;

        public override IFeature ToFeature(OpenDataSet set, object item, string origin)
        {
            var city = (City)item;
            var facts = set.ByCity[city.Id].Select(c => c.Fact).ToList();
            var properties = new AttributesTable
            {
                { "id", city.Slug },
                { "name", city.Name },
                { "country", city.Country },
                { "region", city.Region },
                // As on the map's layer: the live types, and every commitment as [type, status, year].
                { "commitments", facts.Where(f => f.Status.IsLive()).Select(f => f.Type).Distinct().ToArray() },
                { "items", facts.Select(f => new object?[] { f.Type, f.Status.ToString().ToLowerInvariant(), f.Year }).ToArray() },
                { "newsCount", set.NewsCounts.GetValueOrDefault(city.Id) },
                { "ags", city.Ags },
                { "wikidata", city.WikidataId },
                { "pageUrl", origin + PageAddress(city.Slug) },
            };
            return new Feature(Spatial.CreatePoint(city.Longitude, city.Latitude), properties);
        }

        public override string[] Columns => ["Ogc.Column.Name", "Ogc.Column.Country", "Ogc.Column.Region", "Ogc.Column.Commitments", "Ogc.Column.News"];

        public override (string Id, string?[] Cells, string? Link, string?[] Langs) ToRow(OpenDataSet set, object item, string lang)
        {
            var city = (City)item;
            var types = set.ByCity[city.Id].Where(c => c.Fact.Status.IsLive()).Select(c => c.Fact.Type).Distinct()
                .Select(t => set.Types.TryGetValue(t, out var type) ? (lang == "de" ? type.TitleDe : type.TitleEn) : t);
            return (city.Slug, [city.Name, Countries.Name(city.Country, lang), city.Region, string.Join(", ", types),
                set.NewsCounts.GetValueOrDefault(city.Id).ToString(CultureInfo.InvariantCulture)], null, new string?[5]);
        }
    }

    sealed class CommitmentCollection : OgcCollection
    {
        public override string Id => CommitmentsId;

        public override IEnumerable<object> Select(OpenDataSet set, OgcFilter filter, IReadOnlySet<string>? inBox) =>
            set.Commitments.Where(c => (inBox is null || inBox.Contains(c.City.Slug)) && filter.Matches(c));

        public override object? Find(OpenDataSet set, string featureId) =>
            int.TryParse(featureId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? set.ById.GetValueOrDefault(id) : null;

        protected override City CityOf(object item) => ((OpenCommitment)item).City;

        protected override IReadOnlyList<object> Everything(OpenDataSet set) => set.Commitments;

        public override IFeature ToFeature(OpenDataSet set, object item, string origin)
        {
            var (commitment, city, _, _) = (OpenCommitment)item;
            set.Types.TryGetValue(commitment.TypeKey, out var type);
            var properties = new AttributesTable
            {
                { "id", commitment.Id },
                { "city", city.Slug },
                { "cityName", city.Name },
                { "country", city.Country },
                { "region", city.Region },
                { "type", commitment.TypeKey },
                { "titleDe", type?.TitleDe },
                { "titleEn", type?.TitleEn },
                { "status", commitment.Status.ToString().ToLowerInvariant() },
                { "date", commitment.Date },
                { "summaryDe", commitment.Summary.De },
                { "summaryEn", commitment.Summary.En },
                { "sourceUrl", commitment.SourceUrl },
                { "lastVerified", commitment.LastVerified is { } day ? Day(day) : null },
            };
            return new Feature(Spatial.CreatePoint(city.Longitude, city.Latitude), properties);
        }

        public override string[] Columns => ["Ogc.Column.City", "Ogc.Column.Type", "Ogc.Column.Status", "Ogc.Column.Date", "Ogc.Column.Summary", "Ogc.Column.Source"];

        public override (string Id, string?[] Cells, string? Link, string?[] Langs) ToRow(OpenDataSet set, object item, string lang)
        {
            var (commitment, city, _, _) = (OpenCommitment)item;
            var summary = commitment.Summary.In(lang);
            var title = set.Types.TryGetValue(commitment.TypeKey, out var type) ? (lang == "de" ? type.TitleDe : type.TitleEn) : commitment.TypeKey;
            return (commitment.Id.ToString(CultureInfo.InvariantCulture),
                [city.Name, title, Texts.Site.Get($"Status.{commitment.Status}", lang), commitment.Date is { } date ? Dates.Partial(date, lang) : null, summary?.Text, commitment.SourceUrl],
                commitment.SourceUrl, [null, null, null, null, summary is { } s && s.Lang != lang ? s.Lang : null, null]);
        }
    }
}
