using AngleSharp.Html.Parser;
using MovingCities.Web.News;

namespace MovingCities.Tests.News;

/// <summary>What editors type is shown: Markdown formats it, but no text disappears into attributes.</summary>
public class MarkdownRendererTests
{
    static readonly MarkdownRenderer Renderer = new();

    static string Visible(string markdown) => new HtmlParser().ParseDocument($"<body>{Renderer.ToHtml(markdown)}</body>").Body!.TextContent;

    [Theory]
    [InlineData("body{display:none}", "body{display:none}")]
    [InlineData("# Title {#id .class}", "Title {#id .class}")]
    [InlineData("text {with braces}", "text {with braces}")]
    [InlineData("[a link](https://example.org){.button}", "{.button}")]
    [InlineData("Paragraph ending in braces\n{#secret}", "{#secret}")]
    [InlineData("```\ncode\n```\n{.x}", "{.x}")]
    public void Text_in_curly_braces_stays_visible(string markdown, string expected) =>
        Assert.Contains(expected, Visible(markdown));

    [Fact]
    public void Braces_do_not_become_ids_or_classes()
    {
        var html = new HtmlParser().ParseDocument($"<body>{Renderer.ToHtml("# Title {#injected .hidden}")}</body>");

        Assert.Null(html.GetElementById("injected"));
        Assert.Empty(html.QuerySelectorAll(".hidden"));
    }

    [Fact]
    public void The_other_extensions_still_work()
    {
        var html = Renderer.ToHtml("| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n\nSee https://example.org and ~~old~~.\n\nText[^1]\n\n[^1]: Note");

        Assert.Contains("<table", html);
        Assert.Contains("type=\"checkbox\"", html);
        Assert.Contains("href=\"https://example.org\"", html);
        Assert.Contains("<del>old</del>", html);
        Assert.Contains("<sup", html);
    }
}
