using MovingCities.Web.Commitments;

namespace MovingCities.Tests.Geodata;

/// <summary>A summary saying a decision was withdrawn, on an item still marked live, is a status the data forgot.</summary>
public class WithdrawnSummaryTests
{
    [Theory]
    [InlineData("Council narrowly repealed the decision in March 2024.")]
    [InlineData("The declaration was revoked after the election.")]
    [InlineData("Der Stadtrat hob den Beschluss im März 2024 wieder auf.")]
    [InlineData("2024 wieder aufgehoben.")]
    [InlineData("Der Beschluss wurde widerrufen.")]
    public void Texts_saying_a_decision_was_withdrawn_are_recognised(string text) =>
        Assert.True(CommitmentStatuses.SaysWithdrawn(text));

    [Theory]
    [InlineData("Council declared the city a Safe Harbour.")]
    [InlineData("Der Stadtrat beschloss die Aufnahme über die Quote hinaus.")]
    [InlineData("Aufnahme von Geflüchteten aus Moria.")]
    public void Ordinary_summaries_are_not(string text) =>
        Assert.False(CommitmentStatuses.SaysWithdrawn(text));
}
