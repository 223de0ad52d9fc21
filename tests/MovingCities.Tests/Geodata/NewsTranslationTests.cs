using Microsoft.EntityFrameworkCore;
using MovingCities.Tests.Infrastructure;
using MovingCities.Web.Geodata;

namespace MovingCities.Tests.Geodata;

/// <summary>Each post is in one language; <c>translation:</c> names the same post in the other one.</summary>
public class NewsTranslationTests
{
    const string German = "tageskonferenz-kommunen-als-sichere-haefen";
    const string English = "conference-day-on-safe-harbours";

    /// <summary>An English post in exactly the form export writes, pointing at the German one.</summary>
    const string EnglishPost = $"""
        ---
        slug: {English}
        title: Conference day on safe harbours
        summary: Municipalities and initiatives met in Frankfurt.
        date: 2025-11-21
        language: en
        translation: {German}
        status: published
        cities:
        - bochum
        ---

        Municipalities and initiatives met in Frankfurt on 18 November 2025.

        """;

    /// <summary>The fixture with the English post, and the German post pointing back when <paramref name="backLink"/>.</summary>
    static string FolderWithTranslation(string englishPost = EnglishPost, bool backLink = true)
    {
        var folder = GeodataCopy.Of(TestApp.FixtureGeodata);
        File.WriteAllText(Path.Combine(folder, "news", $"{English}.md"), englishPost.Replace("\r\n", "\n"));
        if (backLink)
        {
            var german = Path.Combine(folder, "news", $"{German}.md");
            File.WriteAllText(german, File.ReadAllText(german).Replace("language: de\n", $"language: de\ntranslation: {English}\n"));
        }
        return folder;
    }

    [Fact]
    public async Task A_post_and_its_translation_are_read_seeded_served_and_exported_unchanged()
    {
        var folder = FolderWithTranslation();

        var read = GeodataReader.Read(folder).News.ToDictionary(p => p.Slug);
        Assert.Equal(("en", German), (read[English].Language, read[English].Translation));
        Assert.Equal(("de", English), (read[German].Language, read[German].Translation));

        using var app = new TestApp(geodataPath: folder);
        Assert.Equal(German, await app.WithDb(db => db.NewsPosts.Where(p => p.Slug == English).Select(p => p.TranslationSlug).SingleAsync()));
        var items = (await app.GetJson("/api/news")).GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("slug").GetString()!);
        Assert.Equal("en", items[English].GetProperty("language").GetString());
        Assert.Equal(German, items[English].GetProperty("translation").GetString());
        Assert.Equal(English, (await app.GetJson($"/api/news/{German}")).GetProperty("translation").GetString());

        var exported = Directory.CreateTempSubdirectory("movingcities-export-").FullName;
        await app.WithDb(db => new GeodataExport(db).ExportAsync(exported));
        foreach (var slug in new[] { German, English })
            Assert.Equal(File.ReadAllText(Path.Combine(folder, "news", $"{slug}.md")), File.ReadAllText(Path.Combine(exported, "news", $"{slug}.md")));
    }

    [Fact]
    public async Task A_translation_that_is_a_draft_is_not_named_by_the_api()
    {
        using var app = new TestApp(geodataPath: FolderWithTranslation(EnglishPost.Replace("status: published", "status: draft")));

        var german = await app.GetJson($"/api/news/{German}");
        Assert.Equal("de", german.GetProperty("language").GetString());
        Assert.False(german.TryGetProperty("translation", out _));
    }

    public static TheoryData<string, string> BadTranslations() => new()
    {
        { EnglishPost.Replace($"translation: {German}", "translation: atlantis"), $"news/{English}.md: translation: \"atlantis\" is not a post in news/" },
        { EnglishPost.Replace($"translation: {German}", $"translation: {English}"), $"news/{English}.md: translation: \"{English}\" is this post itself" },
        { EnglishPost.Replace($"translation: {German}", "translation: Not A Slug"), $"news/{English}.md: translation: \"Not A Slug\" is not the slug of a post" },
        { EnglishPost.Replace("language: en", "language: de"), $"news/{English}.md: translation: \"{German}\" is in de too" },
        { EnglishPost.Replace("language: en", "language: fr"), $"news/{English}.md: language: \"fr\" must be de or en" },
    };

    [Theory]
    [MemberData(nameof(BadTranslations))]
    public void A_bad_language_or_translation_is_refused_naming_the_file(string post, string expected)
    {
        var folder = FolderWithTranslation(post, backLink: false);

        var error = Assert.Throws<GeodataException>(() => GeodataReader.Read(folder));

        Assert.Contains(error.Problems, p => p.StartsWith(expected, StringComparison.Ordinal));
    }
}
