using Ganss.Xss;
using Markdig;

namespace MovingCities.Web.News;

/// <summary>
/// Markdown to HTML that is safe to put in a page: raw HTML in the source is not passed through, and the
/// output still goes through HtmlSanitizer so links such as <c>javascript:</c> cannot survive.
/// </summary>
public sealed class MarkdownRenderer
{
    readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml().Build();
    readonly HtmlSanitizer _sanitizer = new();

    public MarkdownRenderer()
    {
        _sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto" })
            _sanitizer.AllowedSchemes.Add(scheme);
    }

    public string ToHtml(string markdown) => _sanitizer.Sanitize(Markdown.ToHtml(markdown, _pipeline));
}
