using System.Text.RegularExpressions;
using MovingCities.Web.Localization;

namespace MovingCities.Tests.Languages;

/// <summary>A text in one language and not the other is unfinished work: these fail until both exist.</summary>
public class ResourceCompletenessTests
{
    [Fact]
    public void The_site_speaks_German_first_then_English()
    {
        Assert.Equal(["de", "en"], SiteLanguages.All);
        Assert.Equal("de", SiteLanguages.Default);
    }

    [Fact]
    public void Every_resource_set_has_a_translation_for_every_language_of_the_site()
    {
        var sets = ResourceFiles.Sets().ToList();
        Assert.Contains(sets, s => s.Neutral == "Strings.resx");
        Assert.Contains(sets, s => s.Neutral == "MapText.resx");
        foreach (var (neutral, translations) in sets)
            foreach (var lang in SiteLanguages.All.Where(l => l != "en"))
                Assert.Contains($"{Path.GetFileNameWithoutExtension(neutral)}.{lang}.resx", translations);
    }

    [Fact]
    public void Every_key_exists_in_every_language_with_text_and_the_same_placeholders()
    {
        static string[] Placeholders(string text) => Regex.Matches(text, @"\{\w+\}").Select(m => m.Value).Order().Distinct().ToArray();
        var problems = new List<string>();
        foreach (var (neutral, translations) in ResourceFiles.Sets())
        {
            var english = ResourceFiles.Read(neutral);
            foreach (var translation in translations)
            {
                var other = ResourceFiles.Read(translation);
                problems.AddRange(english.Keys.Except(other.Keys).Select(k => $"{translation} lacks {k}"));
                problems.AddRange(other.Keys.Except(english.Keys).Select(k => $"{neutral} lacks {k}"));
                foreach (var (key, text) in english.Where(e => other.ContainsKey(e.Key)))
                {
                    if (string.IsNullOrWhiteSpace(text) || string.IsNullOrWhiteSpace(other[key]))
                        problems.Add($"{key} is empty in {neutral} or {translation}");
                    else if (!key.EndsWith(".one") && !Placeholders(text).SequenceEqual(Placeholders(other[key])))
                        problems.Add($"{key}: placeholders {string.Join("", Placeholders(text))} in {neutral}, {string.Join("", Placeholders(other[key]))} in {translation}");
                }
            }
        }
        Assert.Empty(problems);
    }

    [Fact]
    public void Only_keys_ending_in_Html_hold_markup_and_that_markup_is_links_and_code()
    {
        foreach (var (neutral, translations) in ResourceFiles.Sets())
            foreach (var file in translations.Append(neutral))
                foreach (var (key, text) in ResourceFiles.Read(file))
                {
                    var tags = Regex.Matches(text, @"</?([a-zA-Z]+)").Select(m => m.Groups[1].Value).Distinct().ToArray();
                    if (!key.EndsWith(".Html"))
                        Assert.True(tags.Length == 0, $"{file} {key} holds markup but is not an .Html key");
                    else
                        Assert.All(tags, tag => Assert.Contains(tag, new[] { "a", "code" }));
                }
    }

    [Theory]
    [InlineData("2019", "de", "2019")]
    [InlineData("2024-05", "de", "Mai 2024")]
    [InlineData("2025-11-20", "de", "20. November 2025")]
    [InlineData("2024-05", "en", "May 2024")]
    [InlineData("2025-11-20", "en", "20 November 2025")]
    public void Partial_dates_read_as_the_language_writes_them(string iso, string lang, string expected) =>
        Assert.Equal(expected, Dates.Partial(iso, lang));

    [Theory]
    [InlineData("DE", "de", "Deutschland")]
    [InlineData("DE", "en", "Germany")]
    [InlineData("GB", "de", "Vereinigtes Königreich")]
    [InlineData("AT", "de", "Österreich")]
    [InlineData("ZZ", "de", "ZZ")]
    public void Countries_are_named_in_the_language(string code, string lang, string expected) =>
        Assert.Equal(expected, Countries.Name(code, lang));
}
