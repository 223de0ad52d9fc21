using MovingCities.Web.Cities;
using MovingCities.Web.Commitments;

namespace MovingCities.Tests.Cities;

/// <summary>The one order of a city's commitments and the phrase per type (Cities/CommitmentTimeline.cs); where typed addresses lead (CityAddresses).</summary>
public class CommitmentTimelineTests
{
    static CommitmentView Item(string type, CommitmentStatus status, string? date) =>
        new(type, new LocalizedText(type, type), "#000", status, date, null, "https://example.org", null);

    static string Standing(params CommitmentView[] items) =>
        CommitmentTimeline.Phrase(Assert.Single(CommitmentTimeline.Standings(items)), "en");

    [Fact]
    public void Newest_first_a_known_day_before_its_bare_year_undated_last_ties_in_legend_order()
    {
        var ordered = CommitmentTimeline.Order([
            Item("a", CommitmentStatus.Decided, "2019"), Item("a", CommitmentStatus.Decided, null), Item("b", CommitmentStatus.Decided, "2019-05-02"),
            Item("c", CommitmentStatus.Decided, "2021"), Item("b", CommitmentStatus.Decided, "2021"), Item("c", CommitmentStatus.Decided, null)]);
        Assert.Equal(["c-2021", "b-2021", "b-2019-05-02", "a-2019", "a-", "c-"], ordered.Select(c => $"{c.Type}-{c.Date}"));
        Assert.Equal([2021, 2019, null], CommitmentTimeline.ByYear(ordered).Select(g => g.Year));
    }

    [Fact]
    public void Anchors_are_unique_even_for_the_same_type_and_date()
    {
        var ordered = CommitmentTimeline.Order([Item("a", CommitmentStatus.Decided, "2020"), Item("a", CommitmentStatus.Implemented, "2020"), Item("a", CommitmentStatus.Decided, null)]);
        Assert.Equal(["commitment-a-2020", "commitment-a-2020-2", "commitment-a"], ordered.Select(c => c.Anchor));
    }

    [Fact]
    public void A_live_commitment_stands_since_its_first_year_after_the_last_withdrawal()
    {
        Assert.Equal("a since 2018", Standing(Item("a", CommitmentStatus.Decided, "2018"), Item("a", CommitmentStatus.Implemented, "2020")));
        Assert.Equal("a since 2022", Standing(Item("a", CommitmentStatus.Decided, "2018"), Item("a", CommitmentStatus.Rejected, "2019"), Item("a", CommitmentStatus.Decided, "2022")));
        Assert.Equal("a, announced 2015", Standing(Item("a", CommitmentStatus.Announced, "2015")));
    }

    [Fact]
    public void A_withdrawn_commitment_says_when_and_since_when_it_had_stood_if_known()
    {
        Assert.Equal("a since 2019 · revoked in 2024", Standing(Item("a", CommitmentStatus.Decided, "2019-07"), Item("a", CommitmentStatus.Revoked, "2024")));
        Assert.Equal("a · rejected in 2023", Standing(Item("a", CommitmentStatus.Rejected, "2023")));
        Assert.Equal("a · revoked", Standing(Item("a", CommitmentStatus.Revoked, null)));
    }

    [Fact]
    public void A_type_without_a_dated_item_gives_its_status_only_and_undated_items_never_decide_over_dated_ones()
    {
        Assert.Equal("a: implemented", Standing(Item("a", CommitmentStatus.Implemented, null)));
        Assert.Equal("a since 2020", Standing(Item("a", CommitmentStatus.Implemented, null), Item("a", CommitmentStatus.Implemented, "2020")));
    }

    static readonly (string Slug, string Name)[] Cities =
        [("osnabrueck", "Osnabrück"), ("zuerich", "Zürich"), ("neustadt-hessen", "Neustadt"), ("neustadt-sachsen", "Neustadt"), ("koeln", "Köln")];

    [Theory]
    [InlineData("osnabruck", "osnabrueck")]
    [InlineData("Osnabrück", "osnabrueck")]
    [InlineData("Osnabru\u0308ck", "osnabrueck")]
    [InlineData("ZURICH", "zuerich")]
    [InlineData("neustadt-hessen", "neustadt-hessen")]
    [InlineData("neustadt", null)]
    [InlineData("osna", null)]
    [InlineData("---", null)]
    public void A_typed_address_names_a_city_only_when_exactly_one_has_that_key(string typed, string? expected) =>
        Assert.Equal(expected, CityAddresses.Resolve(typed, Cities));

    [Fact]
    public void Near_misses_get_the_closest_names_prefixes_first()
    {
        Assert.Equal(["Osnabrück"], CityAddresses.Closest("osnabrük", Cities).Select(c => c.Name));
        Assert.Equal(["neustadt-hessen", "neustadt-sachsen"], CityAddresses.Closest("neust", Cities).Select(c => c.Slug).Order());
        Assert.Equal(["Köln"], CityAddresses.Closest("koln-", Cities).Select(c => c.Name));
        Assert.Empty(CityAddresses.Closest("berlin", Cities));
    }
}
