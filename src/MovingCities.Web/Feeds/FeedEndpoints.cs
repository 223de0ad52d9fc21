using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MovingCities.Web.Data;
using MovingCities.Web.News;

namespace MovingCities.Web.Feeds;

/// <summary>Atom feeds of published news (all, and per city) and the sitemap: what readers and crawlers follow.</summary>
public static class FeedEndpoints
{
    const int FeedSize = 50;
    const string AtomType = "application/atom+xml; charset=utf-8";

    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/news.atom", NewsFeed).WithName(nameof(NewsFeed)).WithSummary("Atom feed of all published news").ExcludeFromDescription();
        routes.MapGet("/cities/{slug}/news.atom", CityNewsFeed).WithName(nameof(CityNewsFeed)).ExcludeFromDescription();
        routes.MapGet("/sitemap.xml", Sitemap).WithName(nameof(Sitemap)).ExcludeFromDescription();
        return routes;
    }

    static string Origin(HttpRequest request) => $"{request.Scheme}://{request.Host}";

    public static async Task<FileContentHttpResult> NewsFeed(HttpRequest request, MovingCitiesDb db, MarkdownRenderer markdown, CancellationToken cancellationToken)
    {
        var posts = await Published(db).Take(FeedSize).ToListAsync(cancellationToken);
        return Atom(request, "Moving Cities: news", "/news", "/news.atom", posts, markdown);
    }

    public static async Task<Results<FileContentHttpResult, NotFound>> CityNewsFeed(
        string slug, HttpRequest request, MovingCitiesDb db, MarkdownRenderer markdown, CancellationToken cancellationToken)
    {
        var key = slug.ToLowerInvariant();
        var name = await db.Cities.Where(c => c.Slug == key).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);
        if (name is null)
            return TypedResults.NotFound();
        var posts = await Published(db).Where(p => p.Cities.Any(c => c.Slug == key)).Take(FeedSize).ToListAsync(cancellationToken);
        return Atom(request, $"Moving Cities: news about {XmlText(name)}", $"/cities/{key}", $"/cities/{key}/news.atom", posts, markdown);
    }

    static IQueryable<NewsPost> Published(MovingCitiesDb db) =>
        db.NewsPosts.AsNoTracking().Include(p => p.Cities).Published().NewestFirst();

    static FileContentHttpResult Atom(HttpRequest request, string title, string htmlPath, string selfPath, List<NewsPost> posts, MarkdownRenderer markdown)
    {
        var origin = Origin(request);
        var updated = posts.Count > 0 ? posts.Max(p => p.PublishedAt) : new DateOnly(2025, 1, 1);
        var feed = new SyndicationFeed(title, "Solidarity cities in Europe: what they promised and what happened.", new Uri(origin + htmlPath))
        {
            Id = origin + selfPath,
            LastUpdatedTime = new DateTimeOffset(updated.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            Items = posts.Select(post =>
            {
                var url = new Uri($"{origin}/news/{post.Slug}");
                var item = new SyndicationItem(XmlText(post.Title), new TextSyndicationContent(XmlText(markdown.ToHtml(post.Body)), TextSyndicationContentKind.Html), url,
                    url.ToString(), new DateTimeOffset(post.PublishedAt.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))
                {
                    Summary = post.Summary is null ? null : new TextSyndicationContent(XmlText(post.Summary)),
                    PublishDate = new DateTimeOffset(post.PublishedAt.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                };
                foreach (var city in post.Cities.OrderBy(c => c.Name))
                    item.Categories.Add(new SyndicationCategory(city.Slug, $"{origin}/cities", XmlText(city.Name)));
                return item;
            }).ToList(),
        };
        feed.Links.Add(new SyndicationLink(new Uri(origin + selfPath), "self", title, "application/atom+xml", 0));
        // Written as UTF-8 bytes, so the XML declaration says what the body is.
        using var output = new MemoryStream();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
            new Atom10FeedFormatter(feed).WriteTo(writer);
        return TypedResults.Bytes(output.ToArray(), AtomType);
    }

    /// <summary>
    /// Text as XML 1.0 can carry it: control characters other than tab and line breaks (which a pasted terminal
    /// colour code brings along) cannot be written even escaped, so they become U+FFFD instead of failing the feed.
    /// </summary>
    static string XmlText(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
            return text;
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                builder.Append(text, i++, 2);
                continue;
            }
            builder.Append(XmlConvert.IsXmlChar(text[i]) ? text[i] : '\uFFFD');
        }
        return builder.ToString();
    }

    public static async Task<ContentHttpResult> Sitemap(HttpRequest request, MovingCitiesDb db, CancellationToken cancellationToken)
    {
        var origin = Origin(request);
        var cities = await db.Cities.AsNoTracking().OrderBy(c => c.Slug).Select(c => c.Slug).ToListAsync(cancellationToken);
        var posts = await db.NewsPosts.AsNoTracking().Published().OrderBy(p => p.Slug)
            .Select(p => new { p.Slug, p.PublishedAt }).ToListAsync(cancellationToken);
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var urls = new[] { "/", "/news", "/about.html" }.Select(path => new XElement(ns + "url", new XElement(ns + "loc", origin + path)))
            .Concat(cities.Select(slug => new XElement(ns + "url", new XElement(ns + "loc", $"{origin}/cities/{slug}"))))
            .Concat(posts.Select(p => new XElement(ns + "url", new XElement(ns + "loc", $"{origin}/news/{p.Slug}"),
                new XElement(ns + "lastmod", p.PublishedAt.ToString("yyyy-MM-dd")))));
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement(ns + "urlset", urls));
        return TypedResults.Content(document.Declaration + "\n" + document.Root, "application/xml; charset=utf-8");
    }
}
