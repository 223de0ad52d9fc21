using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using MovingCities.Web.Data;
using MovingCities.Web.Http;
using MovingCities.Web.Localization;
using NetTopologySuite.Features;

namespace MovingCities.Web.OpenData;

/// <summary>
/// OGC API – Features, Part 1 (Core) at <c>/ogc</c>: what QGIS, GDAL and ArcGIS read directly. JSON for clients,
/// HTML for a browser (<c>Accept: text/html</c> or <c>f=html</c>). Features come from <see cref="OpenDataSets"/>;
/// JSON answers are <see cref="Representation"/>s (ETag, 304, Brotli/gzip) like the rest of the API.
/// </summary>
public static class OgcEndpoints
{
    /// <summary>The OpenAPI document of these endpoints (<c>/openapi/ogc.json</c>), the landing page's <c>service-desc</c>.</summary>
    public const string OpenApiDocument = "ogc";

    const string Json = "application/json", SchemaJson = "application/schema+json", Html = "text/html";
    const string OpenApiType = "application/vnd.oai.openapi+json;version=3.0";
    const string QueryablesRel = "http://www.opengis.net/def/rel/ogc/1.0/queryables";

    public static readonly string[] ConformanceClasses =
    [
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
    ];

    public static void MapOgc(IEndpointRouteBuilder routes)
    {
        var ogc = routes.MapGroup("/ogc").WithTags("OGC API – Features").WithGroupName(OpenApiDocument);

        ogc.MapGet("", Landing).WithName("OgcLanding").WithSummary("Landing page: links to the API definition, conformance and the collections")
            .OgcAllowOnly("f").Produces(200, contentType: Json);
        ogc.MapGet("/conformance", Conformance).WithName("OgcConformance").WithSummary("The conformance classes this service implements")
            .OgcAllowOnly("f").Produces(200, contentType: Json);
        ogc.MapGet("/collections", Collections).WithName("OgcCollections").WithSummary("The feature collections: cities and commitments")
            .OgcAllowOnly("f").Produces(200, contentType: Json);
        ogc.MapGet("/collections/{collectionId}", Collection).WithName("OgcCollection").WithSummary("One collection: title, description, licence, extent")
            .OgcAllowOnly("f").Produces(200, contentType: Json).Produces(404, contentType: "application/problem+json");
        ogc.MapGet("/collections/{collectionId}/queryables", Queryables).WithName("OgcQueryables").WithSummary("The properties items can be filtered by")
            .OgcAllowOnly("f").Produces(200, contentType: SchemaJson).Produces(404, contentType: "application/problem+json");
        ogc.MapGet("/collections/{collectionId}/items", Items).WithName("OgcItems")
            .WithSummary("The collection's features, a page at a time")
            .WithDescription($"limit (1 to {OgcQuery.MaxLimit}, default {OgcQuery.DefaultLimit}) and offset page; links next/prev/self. "
                + "bbox=minLon,minLat,maxLon,maxLat (bbox-crs: CRS84 only), datetime (instant or interval, '..' for an open end; "
                + "a commitment's date), country, type, status, city (comma-separated values: any of them). Unknown or invalid parameters: 400.")
            .OgcAllowOnly(OgcQuery.Names, OgcQuery.ListNames)
            .Produces(200, contentType: GeoJson.MediaType).Produces(400, contentType: "application/problem+json").Produces(404, contentType: "application/problem+json");
        ogc.MapGet("/collections/{collectionId}/items/{featureId}", Feature).WithName("OgcFeature").WithSummary("One feature")
            .OgcAllowOnly("f").Produces(200, contentType: GeoJson.MediaType).Produces(404, contentType: "application/problem+json");
        // Any other address under /ogc: the standard's 404 saying where to start, not an empty one.
        ogc.MapGet("/{**rest}", (string? rest) => Exception(404, "NotFound", "Not found",
                $"There is nothing at /ogc/{rest}. Start at /ogc: it links the conformance, the collections and the API definition."))
            .WithName("OgcNotFound").ExcludeFromDescription();
    }

    /// <summary>
    /// Unknown and repeated parameters by the API's one rule (<see cref="QueryParameters.Problems"/>), answered as the
    /// standard's exception (400) rather than a validation problem.
    /// </summary>
    static RouteHandlerBuilder OgcAllowOnly(this RouteHandlerBuilder builder, params string[] allowed) => builder.OgcAllowOnly(allowed, []);

    static RouteHandlerBuilder OgcAllowOnly(this RouteHandlerBuilder builder, string[] allowed, string[] lists)
    {
        builder.WithMetadata(new AllowedQueryParameters(allowed));
        builder.AddEndpointFilter(async (context, next) =>
        {
            var (title, errors) = QueryParameters.Problems(context.HttpContext.Request.Query, allowed, lists);
            if (errors is not null)
                return Exception(400, "InvalidParameterValue", title, string.Join(" ", errors.Values.SelectMany(v => v)));
            var f = context.HttpContext.Request.Query["f"].ToString();
            if (f.Length > 0 && f is not ("json" or "html"))
                return Exception(400, "InvalidParameterValue", "Unknown format", $"f must be json or html, not '{f}'.");
            return await next(context);
        });
        return builder;
    }

    /// <summary>The standard's exception (<c>code</c>, <c>description</c>) inside RFC 9457 problem details.</summary>
    static IResult Exception(int status, string code, string title, string description) =>
        TypedResults.Problem(statusCode: status, title: title, detail: description,
            extensions: new Dictionary<string, object?> { ["code"] = code, ["description"] = description });

    static IResult NoCollection(string id) => Exception(404, "NotFound", "Collection not found",
        $"There is no collection '{id}'. The collections are: {string.Join(", ", OgcCollection.All.Select(c => c.Id))} (GET /ogc/collections).");

    /// <summary>HTML when asked for by f=html, or when Accept prefers text/html to JSON (a browser); JSON otherwise.</summary>
    public static bool WantsHtml(HttpRequest request)
    {
        var f = request.Query["f"].ToString();
        if (f.Length > 0)
            return f == "html";
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept.ToArray()!, out var accepted))
            return false;
        double Best(Func<string, bool> which) => accepted.Where(a => which(a.MediaType.Value ?? "")).Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();
        var html = Best(t => t.Equals(Html, StringComparison.OrdinalIgnoreCase));
        var json = Best(t => t.EndsWith("json", StringComparison.OrdinalIgnoreCase));
        return html > 0 && html > json;
    }

    static string Origin(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    sealed record Link(string Href, string Rel, string Type, string? Title = null);

    static IResult JsonAnswer<T>(T document, string contentType) => new RepresentationResult(Representation.Json(document, contentType), HeaderNames.Accept);

    /// <summary>A text for a page, in the reader's language.</summary>
    static string T(string key, params object?[] values) => Texts.Site.Get(key, SiteLanguages.Current, values);

    /// <summary>A text for a JSON answer: like the rest of the API, JSON is the same for everyone, in English.</summary>
    static string En(string key) => Texts.Site.Get(key, "en");

    /// <summary>self, and the same resource in the other format.</summary>
    static Link[] SelfLinks(HttpRequest request, string path, string type, bool html, string query = "")
    {
        var url = Origin(request) + path;
        var json = new Link($"{url}{(query.Length > 0 ? "?" + query : "")}", html ? "alternate" : "self", type, En("Ogc.Link.Json"));
        var page = new Link($"{url}?{(query.Length > 0 ? query + "&" : "")}f=html", html ? "self" : "alternate", Html, En("Ogc.Link.Html"));
        return html ? [page, json] : [json, page];
    }

    public static IResult Landing(HttpRequest request, string? f)
    {
        var origin = Origin(request);
        var html = WantsHtml(request);
        Link[] links =
        [
            ..SelfLinks(request, "/ogc", Json, html),
            new($"{origin}/openapi/{OpenApiDocument}.json", "service-desc", OpenApiType, En("Ogc.Link.ServiceDesc")),
            new($"{origin}/ogc/conformance", "conformance", Json, En("Ogc.Conformance.Title")),
            new($"{origin}/ogc/collections", "data", Json, En("Ogc.Collections.Title")),
            new(DataLicence.Url, "license", Html, DataLicence.Title),
        ];
        if (html)
            return OgcHtml.Page(T("Ogc.Title"), T("Ogc.Description"),
                [
                    new("/ogc/collections?f=html", T("Ogc.Collections.Title")),
                    new("/ogc/conformance?f=html", T("Ogc.Conformance.Title")),
                    new($"/openapi/{OpenApiDocument}.json", T("Ogc.Link.ServiceDesc")),
                    new(Addresses.Downloads(SiteLanguages.Current), T("Ogc.Link.Downloads")),
                    new("/ogc?f=json", T("Ogc.Link.Json")),
                ]);
        return JsonAnswer(new { title = En("Ogc.Title"), description = En("Ogc.Description"), links }, Json);
    }

    public static IResult Conformance(HttpRequest request, string? f)
    {
        if (WantsHtml(request))
            return OgcHtml.Page(T("Ogc.Conformance.Title"), T("Ogc.Conformance.Text"),
                ConformanceClasses.Select(c => new OgcHtml.Anchor(c, c)).Append(new OgcHtml.Anchor("/ogc?f=html", T("Ogc.Title"))).ToList());
        return JsonAnswer(new { conformsTo = ConformanceClasses }, Json);
    }

    static object CollectionDocument(HttpRequest request, OgcCollection collection, OpenDataSet set)
    {
        var url = $"{Origin(request)}/ogc/collections/{collection.Id}";
        var dates = set.Dates;
        return new
        {
            id = collection.Id,
            title = En(collection.TextKey + ".Title"),
            description = En(collection.TextKey + ".Description") + " " + DataLicence.Attribution,
            attribution = DataLicence.Attribution,
            itemType = "feature",
            crs = new[] { OgcQuery.Crs84 },
            extent = new
            {
                spatial = new { bbox = new[] { set.Bbox ?? [-180, -90, 180, 90] }, crs = OgcQuery.Crs84 },
                temporal = new
                {
                    interval = new[] { new[] { dates is null ? null : Instant(dates.Start), dates is null ? null : Instant(dates.End.AddSeconds(-1)) } },
                    trs = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian",
                },
            },
            links = new Link[]
            {
                new(url, "self", Json, En(collection.TextKey + ".Title")),
                new($"{url}?f=html", "alternate", Html, En("Ogc.Link.Html")),
                new($"{url}/items", "items", GeoJson.MediaType, En("Ogc.Link.Items")),
                new($"{url}/items?f=html", "items", Html, En("Ogc.Link.Items")),
                new($"{url}/queryables", QueryablesRel, SchemaJson, En("Ogc.Queryables.Title")),
                new(DataLicence.Url, "license", Html, DataLicence.Title),
                new(DataLicence.GeoNamesUrl, "describedby", Html, "GeoNames (positions, CC BY 4.0)"),
            },
        };
    }

    static string Instant(DateTimeOffset moment) => moment.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static async Task<IResult> Collections(HttpRequest request, string? f, OpenDataSets sets, CancellationToken cancellationToken)
    {
        var set = await sets.GetAsync(cancellationToken);
        if (WantsHtml(request))
            return OgcHtml.Page(T("Ogc.Collections.Title"), T("Ogc.Description"),
                OgcCollection.All.Select(c => new OgcHtml.Anchor($"/ogc/collections/{c.Id}?f=html", T(c.TextKey + ".Title"))).ToList());
        return JsonAnswer(new
        {
            links = SelfLinks(request, "/ogc/collections", Json, html: false),
            collections = OgcCollection.All.Select(c => CollectionDocument(request, c, set)).ToArray(),
        }, Json);
    }

    public static async Task<IResult> Collection(string collectionId, HttpRequest request, string? f, OpenDataSets sets, CancellationToken cancellationToken)
    {
        if (OgcCollection.Find(collectionId) is not { } collection)
            return NoCollection(collectionId);
        var set = await sets.GetAsync(cancellationToken);
        if (WantsHtml(request))
        {
            var lang = SiteLanguages.Current;
            var facts = new List<(string, string)>
            {
                (T("Ogc.Extent.Space"), set.Bbox is { } b ? string.Join(", ", b.Select(n => n.ToString("0.######", CultureInfo.InvariantCulture))) : "–"),
                (T("Ogc.Extent.Time"), set.Dates is { } d ? $"{Dates.Day(DateOnly.FromDateTime(d.Start.UtcDateTime), lang)} – {Dates.Day(DateOnly.FromDateTime(d.End.UtcDateTime.AddDays(-1)), lang)}" : "–"),
                (T("Ogc.DataDate"), set.DataDate is { } day ? Dates.Day(day, lang) : "–"),
            };
            return OgcHtml.Page(T(collection.TextKey + ".Title"), T(collection.TextKey + ".Description"),
                [
                    new($"/ogc/collections/{collection.Id}/items?f=html", T("Ogc.Link.Items")),
                    new($"/ogc/collections/{collection.Id}/queryables?f=html", T("Ogc.Queryables.Title")),
                    new($"/ogc/collections/{collection.Id}?f=json", T("Ogc.Link.Json")),
                    new("/ogc/collections?f=html", T("Ogc.Collections.Title")),
                ], facts: facts, licence: true);
        }
        return JsonAnswer(CollectionDocument(request, collection, set), Json);
    }

    /// <summary>The filterable properties as JSON Schema (OGC API – Features Part 3's queryables, read by QGIS).</summary>
    public static async Task<IResult> Queryables(string collectionId, HttpRequest request, string? f, OpenDataSets sets, CancellationToken cancellationToken)
    {
        if (OgcCollection.Find(collectionId) is not { } collection)
            return NoCollection(collectionId);
        var set = await sets.GetAsync(cancellationToken);
        var statuses = Enum.GetNames<Commitments.CommitmentStatus>().Select(s => s.ToLowerInvariant()).ToArray();
        var properties = new Dictionary<string, object>
        {
            ["country"] = new { type = "string", title = "country", description = "ISO 3166-1 alpha-2 code of the city's country; comma-separated codes match any of them." },
            ["type"] = new { type = "string", title = "type", description = "Commitment type key; comma-separated keys match any.", @enum = set.Types.Keys.ToArray() },
            ["status"] = new { type = "string", title = "status", description = collection == OgcCollection.Cities
                ? "Status of a commitment of the city (of the same one as type); without it only announced, decided and implemented ones count."
                : "The commitment's status; without it every status.", @enum = statuses },
            ["city"] = new { type = "string", title = "city", description = "City slug (the cities' feature id); comma-separated slugs match any." },
        };
        if (WantsHtml(request))
            return OgcHtml.Page(T("Ogc.Queryables.Title"), T("Ogc.Queryables.Text"),
                [new($"/ogc/collections/{collection.Id}?f=html", T(collection.TextKey + ".Title"))],
                facts: properties.Keys.Select(k => (k, T($"Ogc.Queryable.{k}"))).ToList());
        return JsonAnswer(new Dictionary<string, object>
        {
            ["$schema"] = "https://json-schema.org/draft/2019-09/schema",
            ["$id"] = $"{Origin(request)}/ogc/collections/{collection.Id}/queryables",
            ["type"] = "object",
            ["title"] = En(collection.TextKey + ".Title"),
            ["properties"] = properties,
            ["additionalProperties"] = false,
        }, SchemaJson);
    }

    public static async Task<IResult> Items(string collectionId, HttpRequest request, OpenDataSets sets, MovingCitiesDb db, CancellationToken cancellationToken)
    {
        if (OgcCollection.Find(collectionId) is not { } collection)
            return NoCollection(collectionId);
        var set = await sets.GetAsync(cancellationToken);
        var (filter, errors) = OgcQuery.From(request.Query).Parse(set.Types.Keys.ToHashSet());
        if (errors.Count > 0)
            return Exception(400, "InvalidParameterValue", "Invalid parameter",
                string.Join(" ", errors.Select(e => $"{e.Key}: {e.Value}")));

        // A box narrows in SQL on the indexed columns, by the rule /api/cities uses; the rest is decided in memory.
        IReadOnlySet<string>? inBox = filter.Cities.Box is null ? null
            : (await filter.Cities.Apply(db).Select(c => c.Slug).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var (page, matched) = collection.Page(set, filter, inBox);

        var html = WantsHtml(request);
        var path = $"/ogc/collections/{collection.Id}/items";
        var query = string.Join("&", request.Query.Where(p => p.Key is not ("offset" or "f"))
            .SelectMany(p => p.Value.Select(v => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(v ?? "")}")));
        string PageQuery(int offset) => string.Join("&", new[] { query, offset > 0 ? $"offset={offset}" : "" }.Where(s => s.Length > 0));
        var links = SelfLinks(request, path, GeoJson.MediaType, html, PageQuery(filter.Offset)).ToList();
        var origin = Origin(request);
        string Href(int offset, bool asHtml) => $"{origin}{path}{(PageQuery(offset) is { Length: > 0 } q ? "?" + q + (asHtml ? "&f=html" : "") : asHtml ? "?f=html" : "")}";
        if (filter.Offset + page.Count < matched)
            links.Add(new(Href(filter.Offset + filter.Limit, html), "next", html ? Html : GeoJson.MediaType, html ? T("Ogc.Link.Next") : En("Ogc.Link.Next")));
        if (filter.Offset > 0)
            links.Add(new(Href(Math.Max(0, Math.Min(filter.Offset, matched) - filter.Limit), html), "prev", html ? Html : GeoJson.MediaType, html ? T("Ogc.Link.Prev") : En("Ogc.Link.Prev")));
        links.Add(new($"{origin}/ogc/collections/{collection.Id}", "collection", Json, En(collection.TextKey + ".Title")));

        if (html)
        {
            var lang = SiteLanguages.Current;
            return OgcHtml.Page(T(collection.TextKey + ".Title"),
                T("Ogc.Items.Count", page.Count, matched, page.Count == 0 ? 0 : filter.Offset + 1, filter.Offset + page.Count),
                [new($"/ogc/collections/{collection.Id}?f=html", T(collection.TextKey + ".Title"))],
                table: new OgcHtml.Table(collection.Columns.Select(c => T(c)).ToList(),
                    page.Select(item => collection.ToRow(set, item, lang)).Select(r => new OgcHtml.Row(
                        $"/ogc/collections/{collection.Id}/items/{Uri.EscapeDataString(r.Id)}?f=html", r.Cells, r.Link, r.Langs)).ToList()),
                paging: links.Where(l => l.Rel is "prev" or "next").Select(l => new OgcHtml.Anchor(l.Href, l.Title!)).ToList(),
                licence: true);
        }

        var features = page.Select(item => collection.ToFeature(set, item, origin)).ToArray();
        return JsonAnswer(new
        {
            type = "FeatureCollection",
            features,
            links,
            numberMatched = matched,
            numberReturned = features.Length,
            timeStamp = Instant(set.ReadAt),
        }, GeoJson.MediaType);
    }

    public static async Task<IResult> Feature(string collectionId, string featureId, HttpRequest request, string? f, OpenDataSets sets, CancellationToken cancellationToken)
    {
        if (OgcCollection.Find(collectionId) is not { } collection)
            return NoCollection(collectionId);
        var set = await sets.GetAsync(cancellationToken);
        if (collection.Find(set, featureId) is not { } item)
            return Exception(404, "NotFound", "Feature not found", $"The collection '{collection.Id}' has no feature '{featureId}'.");
        var origin = Origin(request);
        var feature = collection.ToFeature(set, item, origin);
        var path = $"/ogc/collections/{collection.Id}/items/{Uri.EscapeDataString(featureId)}";
        if (WantsHtml(request))
        {
            var facts = feature.Attributes.GetNames().Where(n => n != "id")
                .Select(n => (n, Cell(feature.Attributes[n]))).ToList();
            facts.Insert(0, ("longitude, latitude", string.Create(CultureInfo.InvariantCulture, $"{feature.Geometry.Coordinate.X}, {feature.Geometry.Coordinate.Y}")));
            return OgcHtml.Page(collection.ToRow(set, item, SiteLanguages.Current).Cells[0] ?? featureId, T(collection.TextKey + ".Title"),
                [new($"/ogc/collections/{collection.Id}/items?f=html", T("Ogc.Link.Items")), new(path + "?f=json", T("Ogc.Link.Json"))],
                facts: facts, licence: true);
        }
        var links = SelfLinks(request, path, GeoJson.MediaType, html: false)
            .Append(new Link($"{origin}/ogc/collections/{collection.Id}", "collection", Json, En(collection.TextKey + ".Title")));
        var document = JsonSerializer.SerializeToNode<IFeature>(feature, GeoJson.Compact)!.AsObject();
        document["links"] = JsonSerializer.SerializeToNode(links, GeoJson.Compact);
        return JsonAnswer(document, GeoJson.MediaType);
    }

    /// <summary>A property as one line of text: lists joined, nested lists as JSON.</summary>
    static string Cell(object? value) => value switch
    {
        null => "",
        string text => text,
        System.Collections.IEnumerable list => string.Join(", ", list.Cast<object?>().Select(v => v is System.Collections.IEnumerable and not string ? JsonSerializer.Serialize(v) : Convert.ToString(v, CultureInfo.InvariantCulture))),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
