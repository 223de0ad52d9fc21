using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace MovingCities.Web.OpenData;

/// <summary>
/// The OGC API's HTML for people who open <c>/ogc</c> in a browser: one simple page shape (heading, text, links, a
/// table or a list of facts, paging) rendered by <c>OgcPage.cshtml</c> inside the site's layout, in the reader's language.
/// </summary>
public sealed record OgcHtml(string Title, string Text, IReadOnlyList<OgcHtml.Anchor> Links, OgcHtml.Table? Rows,
    IReadOnlyList<OgcHtml.Anchor> Paging, IReadOnlyList<(string Name, string Value)> Facts, bool Licence)
{
    public sealed record Anchor(string Href, string Text);

    /// <summary>
    /// A feature table's row: it links to its feature's page; <paramref name="Link"/> is an outside address (a source)
    /// for the last cell; <paramref name="Langs"/> marks cells written in another language than the page's.
    /// </summary>
    public sealed record Row(string Href, string?[] Cells, string? Link, string?[] Langs);

    public sealed record Table(IReadOnlyList<string> Columns, IReadOnlyList<Row> Rows);

    public static IResult Page(string title, string text, IReadOnlyList<Anchor> links, Table? table = null,
        IReadOnlyList<Anchor>? paging = null, IReadOnlyList<(string, string)>? facts = null, bool licence = false) =>
        new Result(new OgcHtml(title, text, links, table, paging ?? [], facts ?? [], licence));

    /// <summary>Renders the view as MVC would, so the layout, its tag helpers and the localizer work as on any page.</summary>
    sealed class Result(OgcHtml page) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            // Which representation depends on Accept: caches must keep HTML and JSON apart.
            context.Response.Headers.Vary = Microsoft.Net.Http.Headers.HeaderNames.Accept;
            var view = new ViewResult
            {
                ViewName = "/OpenData/OgcPage.cshtml",
                ViewData = new ViewDataDictionary<OgcHtml>(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = page },
            };
            return view.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
        }
    }
}
