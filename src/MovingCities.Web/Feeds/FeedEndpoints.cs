using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MovingCities.Web.Data;
using MovingCities.Web.Localization;
using MovingCities.Web.News;

namespace MovingCities.Web.Feeds;

/// <summary>
/// Atom feeds of published news (all, and per city) and the sitemap: what readers and crawlers follow. A feed has an
/// address per language (its title and links in that language); it holds the posts of every language, each entry
/// marked with its own <c>xml:lang</c>.
/// </summary>
public static class FeedEndpoints
{
    const int FeedSize = 50;
    const string AtomType = "application/atom+xml; charset=utf-8";

    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/{lang:lang}/news.atom", NewsFeed).WithName(nameof(NewsFeed)).WithSummary("Atom feed of all published news").ExcludeFromDescription();
        routes.MapGet("/{lang:lang}/cities/{slug}/news.atom", CityNewsFeed).WithName(nameof(CityNewsFeed)).ExcludeFromDescription();
        routes.MapGet("/sitemap.xml", Sitemap).WithName(nameof(Sitemap)).ExcludeFromDescription();
        return routes;
    }

    static string Origin(HttpRequest request) => $"{request.Scheme}://{request.Host}";

    public static async Task<FileContentHttpResult> NewsFeed(string lang, HttpRequest request, MovingCitiesDb db, MarkdownRenderer markdown, CancellationToken cancellationToken)
    {
        var posts = await Published(db).Take(FeedSize).ToListAsync(cancellationToken);
        return Atom(request, lang, Texts.Site.Get("Feed.Title", lang), Addresses.News(lang), Addresses.NewsFeed(lang), posts, markdown);
    }

    public static async Task<Results<FileContentHttpResult, NotFound>> CityNewsFeed(
        string lang, string slug, HttpRequest request, MovingCitiesDb db, MarkdownRenderer markdown, CancellationToken cancellationToken)
    {
        var key = slug.ToLowerInvariant();
        var name = await db.Cities.Where(c => c.Slug == key).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);
        if (name is null)
            return TypedResults.NotFound();
        var posts = await Published(db).Where(p => p.Cities.Any(c => c.Slug == key)).Take(FeedSize).ToListAsync(cancellationToken);
        return Atom(request, lang, Texts.Site.Get("Feed.CityTitle", lang, XmlText(name)), Addresses.City(lang, key), Addresses.CityFeed(lang, key), posts, markdown);
    }

    static IQueryable<NewsPost> Published(MovingCitiesDb db) =>
        db.NewsPosts.AsNoTracking().Include(p => p.Cities).Published().NewestFirst();

    static readonly XmlQualifiedName XmlLang = new("lang", "http://www.w3.org/XML/1998/namespace");

    static FileContentHttpResult Atom(HttpRequest request, string lang, string title, string htmlPath, string selfPath, List<NewsPost> posts, MarkdownRenderer markdown)
    {
        var origin = Origin(request);
        var updated = posts.Count > 0 ? posts.Max(p => p.PublishedAt) : new DateOnly(2025, 1, 1);
        var feed = new SyndicationFeed(title, Texts.Site.Get("Feed.Subtitle", lang), new Uri(origin + htmlPath))
        {
            Id = origin + selfPath,
            Language = lang,
            LastUpdatedTime = new DateTimeOffset(updated.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            Items = posts.Select(post =>
            {
                var url = new Uri(origin + Addresses.Post(lang, post.Slug));
                var item = new SyndicationItem(XmlText(post.Title), new TextSyndicationContent(XmlText(markdown.ToHtml(post.Body)), TextSyndicationContentKind.Html), url,
                    url.ToString(), new DateTimeOffset(post.PublishedAt.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))
                {
                    Summary = post.Summary is null ? null : new TextSyndicationContent(XmlText(post.Summary)),
                    PublishDate = new DateTimeOffset(post.PublishedAt.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                };
                item.AttributeExtensions.Add(XmlLang, post.Language);
                foreach (var city in post.Cities.OrderBy(c => c.Name))
                    item.Categories.Add(new SyndicationCategory(city.Slug, $"{origin}/{lang}/cities", XmlText(city.Name)));
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

    /// <summary>Every public page in every language, each naming its counterparts (<c>xhtml:link</c> alternates).</summary>
    public static async Task<ContentHttpResult> Sitemap(HttpRequest request, MovingCitiesDb db, CancellationToken cancellationToken)
    {
        var origin = Origin(request);
        var cities = await db.Cities.AsNoTracking().OrderBy(c => c.Slug).Select(c => c.Slug).ToListAsync(cancellationToken);
        var posts = await db.NewsPosts.AsNoTracking().Published().OrderBy(p => p.Slug)
            .Select(p => new { p.Slug, p.PublishedAt }).ToListAsync(cancellationToken);
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        XNamespace xhtml = "http://www.w3.org/1999/xhtml";
        var pages = new SitemapPage[] { new(Addresses.Map, null), new(Addresses.News, null), new(Addresses.About, null), new(Addresses.Statistics, null), new(lang => Addresses.Propose(lang), null), new(Addresses.Downloads, null) }
            .Concat(cities.Select(slug => new SitemapPage(lang => Addresses.City(lang, slug), null)))
            .Concat(posts.Select(p => new SitemapPage(lang => Addresses.Post(lang, p.Slug), p.PublishedAt)));
        var urls = pages.SelectMany(page => SiteLanguages.All.Select(lang => new XElement(ns + "url",
            new XElement(ns + "loc", origin + page.Address(lang)),
            page.Modified is { } modified ? new XElement(ns + "lastmod", modified.ToString("yyyy-MM-dd")) : null,
            SiteLanguages.All.Select(each => new XElement(xhtml + "link",
                new XAttribute("rel", "alternate"), new XAttribute("hreflang", each), new XAttribute("href", origin + page.Address(each)))))));
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement(ns + "urlset", new XAttribute(XNamespace.Xmlns + "xhtml", xhtml), urls));
        return TypedResults.Content(document.Declaration + "\n" + document.Root, "application/xml; charset=utf-8");
    }

    record SitemapPage(Func<string, string> Address, DateOnly? Modified);
}
