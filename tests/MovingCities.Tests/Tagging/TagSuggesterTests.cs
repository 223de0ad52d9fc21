using MovingCities.Tests.Infrastructure;
using MovingCities.Web.Geodata;

namespace MovingCities.Tests.Tagging;

public class TagSuggesterTests
{
    static IReadOnlyList<MovingCities.Web.Tagging.TagSuggestion> Suggest(string text) => RealSuggester.Get().Suggest(text);

    static string[] CertainSlugs(string text) =>
        Suggest(text).Where(s => s.Certain && s.Slug is not null).Select(s => s.Slug!).Order().ToArray();

    [Fact]
    public void The_conference_post_yields_all_eleven_of_its_cities()
    {
        var file = Directory.GetFiles(Path.Combine(TestApp.RepoGeodata, GeodataFiles.NewsFolder), "*.md").Single();
        var post = NewsFile.Parse(File.ReadAllText(file), Path.GetFileNameWithoutExtension(file), problem => Assert.Fail(problem))!;
        var text = $"{post.Title}\n{post.Summary}\n{post.Body}";

        var found = CertainSlugs(text);

        Assert.Equal(["bern", "bochum", "frankfurt-am-main", "greifswald", "hanau", "hannover", "konstanz", "offenbach-am-main",
            "osnabrueck", "regensburg", "wiesbaden"], found.Intersect(post.Cities).Order());
        Assert.Empty(found.Except(post.Cities)); // nothing else suggested outright
    }

    [Theory]
    [InlineData("Der Osnabrücker Stadtrat hat entschieden.", "osnabrueck", "Osnabrücker")]
    [InlineData("Hannovers Oberbürgermeister lädt ein.", "hannover", "Hannovers")]
    [InlineData("Die Konstanzer Initiative sammelt Spenden.", "konstanz", "Konstanzer")]
    [InlineData("Die Stadt Frankfurt am Main tritt bei.", "frankfurt-am-main", "Frankfurt am Main")]
    [InlineData("In Frankfurt trafen sich Initiativen.", "frankfurt-am-main", "Frankfurt")]
    [InlineData("Frankfurt's council voted yes.", "frankfurt-am-main", "Frankfurt")]
    [InlineData("Offenbach unterstützt die Allianz.", "offenbach-am-main", "Offenbach")]
    [InlineData("Ein Wiesbadener Stadtverordneter sprach.", "wiesbaden", "Wiesbadener")]
    [InlineData("Osnabrueck nimmt Menschen auf.", "osnabrueck", "Osnabrueck")]
    [InlineData("Die Berner Regierung prüft den Vorschlag.", "bern", "Berner")]
    [InlineData("Bochums Beitrag zur Seenotrettung.", "bochum", "Bochums")]
    [InlineData("Eine Bochumerin berichtete.", "bochum", "Bochumerin")]
    public void Inflected_and_compound_forms_find_the_city(string text, string slug, string words)
    {
        var suggestion = Assert.Single(Suggest(text), s => s.Slug == slug);
        Assert.True(suggestion.Certain, suggestion.Doubt);
        Assert.Contains(words, suggestion.Words);
    }

    [Theory]
    [InlineData("Bernhard Müller sprach für die Initiative.", "bern")]
    [InlineData("Die Hannoveraner Pferde sind bekannt.", "hannover")]
    [InlineData("Wir wollen gemeinsam essen gehen.", "essen")]
    [InlineData("Konstanze begrüßte die Gäste.", "konstanz")]
    public void Words_that_merely_contain_a_name_are_not_suggested(string text, string slug)
    {
        var hit = Suggest(text).Any(s => s.Slug == slug || s.Name.Equals(slug, StringComparison.OrdinalIgnoreCase));
        Assert.False(hit, $"'{slug}' wrongly found in: {text}");
    }

    [Fact]
    public void A_name_that_is_also_a_common_word_is_marked_uncertain_when_nothing_around_it_decides()
    {
        var essen = Assert.Single(Suggest("Auch Essen hat sich angeschlossen."), s => s.Name == "Essen");
        Assert.False(essen.Certain);
        Assert.Contains("everyday word", essen.Doubt);
    }

    [Theory]
    [InlineData("Das Essen in der Mensa wird teurer.", "Essen")] // an article: the meal (before, suggested with a doubt)
    [InlineData("Der Kiel des Rettungsschiffs wurde erneuert.", "Kiel")]
    [InlineData("Im Norden der Stadt entsteht eine Unterkunft.", "Norden")]
    [InlineData("Siegen ist nicht alles, sagte die Trainerin.", "Siegen")] // a verb starting the sentence
    [InlineData("Im Ulmer Münster fand ein Gottesdienst statt.", "Münster")] // a place's adjective before it: the building
    public void A_name_that_is_also_a_common_word_is_not_suggested_where_the_words_around_it_make_it_the_word(string text, string name)
    {
        Assert.DoesNotContain(Suggest(text), s => s.Name == name);
    }

    [Theory]
    [InlineData("Aus Essen und Duisburg reisten Delegationen an.", "Essen")]
    [InlineData("In Kiel wurde das Schiff verabschiedet.", "Kiel")]
    [InlineData("Die Stadt Hof hat eine neue Stelle geschaffen.", "Hof")]
    public void A_name_that_is_also_a_common_word_is_certain_after_a_preposition_or_Stadt(string text, string name)
    {
        var place = Assert.Single(Suggest(text), s => s.Name == name);
        Assert.True(place.Certain, place.Doubt);
    }

    [Fact]
    public void A_place_that_is_not_yet_a_city_is_suggested_with_its_position_to_add_it()
    {
        var suggestions = Suggest("Auch Wuppertal hat sich zum sicheren Hafen erklärt.");
        Assert.DoesNotContain(suggestions, s => s.Name == "Auch"); // a French town, and a German word
        var place = Assert.Single(suggestions, s => s.Name == "Wuppertal");
        Assert.Null(place.Slug);
        Assert.Equal("DE", place.Country);
        Assert.InRange(place.Latitude!.Value, 51.2, 51.3);
        Assert.InRange(place.Longitude!.Value, 7.1, 7.2);
    }

    [Fact]
    public void Small_places_named_like_everyday_words_are_ignored()
    {
        Assert.DoesNotContain(Suggest("Im Wald hinter dem Stein liegt der Hof."), s => s.Slug is null && s.Name is "Wald" or "Stein" or "Hof");
    }

    [Fact]
    public void Each_city_is_suggested_once_with_every_form_that_matched()
    {
        var osnabrueck = Assert.Single(Suggest("Osnabrück hilft. Der Osnabrücker Rat und die Osnabrücker Bürger stimmen zu."),
            s => s.Slug == "osnabrueck");
        Assert.Equal(["Osnabrück", "Osnabrücker"], osnabrueck.Words);
    }
}
