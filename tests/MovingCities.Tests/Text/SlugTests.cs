using MovingCities.Web.Cities;
using MovingCities.Web.Geodata;
using MovingCities.Web.Text;

namespace MovingCities.Tests.Text;

public class SlugTests
{
    [Theory]
    [InlineData("Osnabrück", "osnabrueck")]
    [InlineData("Frankfurt am Main", "frankfurt-am-main")]
    [InlineData("Zürich", "zuerich")]
    [InlineData("Gießen", "giessen")]
    [InlineData("Köln", "koeln")]
    [InlineData("Besançon", "besancon")]
    [InlineData("A Coruña", "a-coruna")]
    [InlineData("Łódź", "lodz")]
    [InlineData("Frankfurt (Oder)", "frankfurt-oder")]
    [InlineData("  Wien – 7th district Neubau ", "wien-7th-district-neubau")]
    [InlineData("Sankt Augustin/Bonn", "sankt-augustin-bonn")]
    public void Slugs_are_lowercase_ascii_with_umlauts_transliterated(string name, string slug) =>
        Assert.Equal(slug, Slug.From(name));

    [Theory]
    [InlineData("Osnabrück", "osnabruck")]
    [InlineData("Zürich", "zurich")]
    [InlineData("Frankfurt am Main", "frankfurt am main")]
    [InlineData("Gießen", "giessen")]
    public void Search_keys_drop_accents_but_keep_word_breaks(string name, string key) =>
        Assert.Equal(key, Slug.SearchKey(name));

    static CityRecord Record(string name, string country, string? region, string? id = null) =>
        new(id, name, country, region, 0, 0, null, null, null, []);

    [Fact]
    public void Colliding_names_get_the_region_then_the_country_as_suffix()
    {
        var cities = CitySlugs.AssignAll([
            Record("Frankfurt", "DE", "Hessen"),
            Record("Frankfurt", "DE", "Brandenburg"),
            Record("Essen", "DE", "Nordrhein-Westfalen"),
            Record("Essen", "BE", null),
            Record("Essen", "DE", "Nordrhein-Westfalen"),
        ]);
        Assert.Equal(
            ["frankfurt", "frankfurt-brandenburg", "essen", "essen-be", "essen-nordrhein-westfalen"],
            cities.Select(c => c.Slug));
    }

    [Fact]
    public void Explicit_ids_are_kept_and_claimed_before_derived_slugs()
    {
        var cities = CitySlugs.AssignAll([Record("Bern", "CH", "Bern"), Record("Bern", "DE", null, id: "bern")]);
        Assert.Equal(["bern-ch", "bern"], cities.Select(c => c.Slug));
    }

    [Fact]
    public void A_slug_taken_by_another_city_elsewhere_is_skipped()
    {
        var cities = CitySlugs.AssignAll([Record("Hanau", "DE", "Hessen")], (slug, _) => slug == "hanau");
        Assert.Equal("hanau-hessen", cities.Single().Slug);
    }
}
