using AngleSharp.Html.Parser;

namespace MovingCities.Tests.Infrastructure;

public static class HtmlAssert
{
    static readonly string[] ActiveElements = ["script", "iframe", "object", "embed", "style", "form", "base", "meta", "link"];

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
                Assert.False(value.StartsWith("javascript:") || value.StartsWith("data:") || value.StartsWith("vbscript:"),
                    $"active URL in {attribute.Name} of {html}");
            }
        }
    }
}
