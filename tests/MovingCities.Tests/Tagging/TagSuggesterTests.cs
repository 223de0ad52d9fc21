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
        var file = Path.Combine(TestApp.RepoGeodata, GeodataFiles.NewsFolder, "tageskonferenz-kommunen-als-sichere-haefen.md");
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
        var suggestions = Suggest("Auch Cottbus hat sich zum sicheren Hafen erklärt.");
        Assert.DoesNotContain(suggestions, s => s.Name == "Auch"); // a French town, and a German word
        var place = Assert.Single(suggestions, s => s.Name == "Cottbus");
        Assert.Null(place.Slug);
        Assert.Equal("DE", place.Country);
        Assert.InRange(place.Latitude!.Value, 51.7, 51.8);
        Assert.InRange(place.Longitude!.Value, 14.3, 14.4);
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

    [Theory]
    [InlineData("Der Rat von Halle (Saale) tagte.", "halle-saale", "Halle (Saale)")] // the closing bracket was lost
    [InlineData("Der Rat von Frankfurt\u00a0(Oder) tagte.", "frankfurt-oder", "Frankfurt (Oder)")]
    [InlineData("Das Theater in Halle/Saale zeigt ein Stück.", "halle-saale", "Halle/Saale")]
    [InlineData("In Halle an der Saale demonstrierten Hunderte.", "halle-saale", "Halle an der Saale")]
    [InlineData("Frankfurt an der Oder und Słubice feierten.", "frankfurt-oder", "Frankfurt an der Oder")]
    [InlineData("Kelkheim im Taunus nimmt Familien auf.", "kelkheim-taunus", "Kelkheim im Taunus")]
    public void Qualified_names_written_any_common_way_find_the_right_city_with_the_whole_words(string text, string slug, string words)
    {
        var suggestions = Suggest(text);
        var city = Assert.Single(suggestions, s => s.Slug == slug);
        Assert.Equal([words], city.Words);
        Assert.DoesNotContain(suggestions, s => s.Slug == "frankfurt-am-main");
    }

    [Theory]
    [InlineData("Die Leipziger Stadtverwaltung stellte ein Konzept vor.", "leipzig")]
    [InlineData("Die Münchner Initiativen protestierten.", "muenchen")] // München → Münchner
    [InlineData("Der Dresdner Stadtrat stimmte zu.", "dresden")]
    [InlineData("Die Darmstädter Fraktionen waren sich einig.", "darmstadt")]
    [InlineData("Die Basler Regierung hat entschieden.", "basel")] // from the table
    [InlineData("Eine Zürcherin leitet die Beratung.", "zuerich")]
    [InlineData("Der hannoversche Rat tagte.", "hannover")]
    [InlineData("Die Münsteraner Initiative lädt ein.", "muenster")]
    public void Inhabitants_and_adjectives_find_the_city(string text, string slug)
    {
        Assert.Contains(Suggest(text), s => s.Slug == slug);
    }

    [Theory]
    [InlineData("Es gab Hamburger und Cola.", "hamburg")]
    [InlineData("Wiener Würstchen wurden verkauft.", null)]
    [InlineData("Eine Linzer Torte stand auf dem Tisch.", null)]
    [InlineData("Die Hamburger Straße in Bremen wurde gesperrt.", "hamburg")]
    [InlineData("Das Münchner Abkommen von 1938.", "muenchen")]
    [InlineData("Die Weimarer Republik scheiterte.", null)]
    [InlineData("Die Dublin-Verordnung soll reformiert werden.", null)]
    public void Things_named_after_places_are_not_the_places(string text, string? slug)
    {
        var suggestions = Suggest(text);
        if (slug is null)
            Assert.DoesNotContain(suggestions, s => s.Slug is not null);
        else
            Assert.DoesNotContain(suggestions, s => s.Slug == slug);
    }

    [Theory]
    [InlineData("Die Journalistin Anna Essen schrieb darüber.", "Essen")]
    [InlineData("Stadtrat Thomas Münster stimmte dagegen.", "Münster")]
    [InlineData("Bernd Hamm sprach für die Grünen.", "Hamm")]
    [InlineData("Paris Hilton war nicht eingeladen.", "Paris")]
    [InlineData("Herr Kiel vom Sozialamt antwortete.", "Kiel")]
    [InlineData("Die Familie Essen wohnt in Bochum.", "Essen")]
    public void Names_of_people_are_not_places(string text, string name)
    {
        Assert.DoesNotContain(Suggest(text), s => s.Name == name);
    }

    [Theory]
    [InlineData("Activists in Hanover and Brunswick opened a café.", "hannover", "braunschweig")]
    [InlineData("Die Stadt Mailand und die Stadt Neapel haben sich angeschlossen.", "milano", "napoli")]
    [InlineData("In Straßburg und Genf tagten Gremien.", "strasbourg", "geneve")]
    [InlineData("Cologne and Geneva signed the letter.", "koeln", "geneve")]
    public void Alternate_names_find_the_city(string text, string first, string second)
    {
        var slugs = Suggest(text).Select(s => s.Slug).ToList();
        Assert.Contains(first, slugs);
        Assert.Contains(second, slugs);
        Assert.DoesNotContain(Suggest(text), s => s is { Slug: null, Country: "IT", Name: "Cologne" });
    }

    [Theory]
    [InlineData("Die Stadt Bre\u00admen hat zugestimmt.", "bremen", "Bremen")] // soft hyphen
    [InlineData("Aufruf in Düssel-\ndorf: kommt alle!", "duesseldorf", "Düsseldorf")] // hyphenation at a line end
    [InlineData("In Zu\u0308rich gibt es eine City Card.", "zuerich", "Zürich")] // NFD
    [InlineData("DIE STADT GÖTTINGEN STIMMT ZU", "goettingen", "GÖTTINGEN")]
    public void Unicode_forms_are_read_as_the_words_they_show(string text, string slug, string words)
    {
        var city = Assert.Single(Suggest(System.Text.RegularExpressions.Regex.Unescape(text)), s => s.Slug == slug);
        Assert.Equal([words], city.Words);
    }

    [Theory]
    [InlineData("Der Haushalt des Bundes wird gekürzt.", "Bünde")] // German folds ü to ue: Bundes is not Bünde
    [InlineData("Im Römer wurde abgestimmt.", "Rome")]
    [InlineData("Römerinnen und Römer feierten.", "Rome")]
    public void Words_that_fold_like_a_name_are_not_it(string text, string name)
    {
        Assert.DoesNotContain(Suggest(text), s => s.Name == name);
    }

    [Fact]
    public void A_country_named_in_the_sentence_picks_the_namesake_there()
    {
        // Bergen in Norway is on the map as "Bergen (Norway)"; it keeps answering to its gazetteer name.
        var bergen = Assert.Single(Suggest("The Norwegian city of Bergen has offered places."));
        Assert.Equal(("Bergen", "NO", "bergen-norway"), (bergen.Name, bergen.Country, bergen.Slug));
        Assert.Equal("bergen", Assert.Single(Suggest("In Bergen in der Lüneburger Heide gibt es eine Gedenkstätte.")).Slug);
    }

    [Fact]
    public void Names_in_a_list_carry_each_other()
    {
        var names = Suggest("Hof, Bayreuth und Bamberg arbeiten zusammen.").Select(s => s.Name).ToList();
        Assert.Equal(["Hof", "Bayreuth", "Bamberg"], names);
    }

    [Fact]
    public void The_longest_post_without_a_full_stop_is_tagged_in_time()
    {
        // Every word a name with namesakes abroad or an everyday word: the context rules look around each one,
        // within the sentence; here the sentence never ends.
        var text = new System.Text.StringBuilder();
        while (text.Length < 200_000)
            text.Append("Bergen Kiel Essen Norden Halle Frankfurter Nina Hagen und Wellen ");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var suggestions = Suggest(text.ToString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"{clock.Elapsed.TotalMilliseconds:0} ms");
        Assert.Contains(suggestions, s => s.Slug == "kiel");
    }
}
