using Ganss.Xss;
using Markdig;
using Markdig.Extensions.GenericAttributes;

namespace MovingCities.Web.News;

/// <summary>
/// Markdown to HTML that is safe to put in a page: raw HTML in the source is not passed through, and the
/// output still goes through HtmlSanitizer so links such as <c>javascript:</c> cannot survive.
/// </summary>
/// <remarks>
/// Generic attributes (<c>{#id .class}</c> after a heading, a word or a link) are off: Markdig takes braces after
/// text as attributes and drops them from the text, so <c>body{display:none}</c> showed as <c>body</c>, and the
/// sanitizer then dropped the attributes too. Editors' braces are text.
/// </remarks>
public sealed class MarkdownRenderer
{
    readonly MarkdownPipeline _pipeline = AdvancedWithoutGenericAttributes().DisableHtml().Build();
    readonly HtmlSanitizer _sanitizer = new();

    public MarkdownRenderer()
    {
        _sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto" })
            _sanitizer.AllowedSchemes.Add(scheme);
    }

    static MarkdownPipelineBuilder AdvancedWithoutGenericAttributes()
    {
        var builder = new MarkdownPipelineBuilder().UseAdvancedExtensions();
        builder.Extensions.RemoveAll(extension => extension is GenericAttributesExtension);
        return builder;
    }

    public string ToHtml(string markdown) => _sanitizer.Sanitize(Markdown.ToHtml(markdown, _pipeline));
}
