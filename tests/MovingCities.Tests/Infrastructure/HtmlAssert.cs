using AngleSharp.Html.Parser;

namespace MovingCities.Tests.Infrastructure;

public static class HtmlAssert
{
    /// <summary>Elements that can run, load or redirect something: never allowed in rendered user text.</summary>
    public static readonly string[] ActiveElements = ["script", "iframe", "object", "embed", "style", "form", "base", "meta", "link"];

    /// <summary>URL schemes that run or carry a document: never allowed in an attribute of rendered user text.</summary>
    public static readonly string[] ActiveSchemes = ["javascript:", "data:", "vbscript:"];

    /// <summary>
    /// Parses the HTML as a browser would and fails on anything that could run: script-like elements,
    /// event-handler attributes, and javascript:/data: URLs. Escaped text such as "&lt;script&gt;" is fine.
    /// </summary>
    public static void Inert(string html)
    {
        var document = new HtmlParser().ParseDocument($"<body>{html}</body>");
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            Assert.DoesNotContain(element.LocalName, ActiveElements);
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"event handler {attribute.Name} in {html}");
                var value = attribute.Value.Trim().ToLowerInvariant();
                Assert.False(ActiveSchemes.Any(value.StartsWith),
                    $"active URL in {attribute.Name} of {html}");
            }
        }
    }
}
