using MovingCities.Web.Commitments;

namespace MovingCities.Tests.Text;

public class PartialDateTests
{
    [Theory]
    [InlineData("2019")]
    [InlineData("2019-07")]
    [InlineData("2019-07-11")]
    [InlineData("2024-02-29")]
    public void Year_month_and_day_precision_are_valid(string date) => Assert.True(PartialDate.IsValid(date));

    [Theory]
    [InlineData("19")]
    [InlineData("2019-7")]
    [InlineData("2019-13")]
    [InlineData("2023-02-29")]
    [InlineData("2019-07-11T10:00")]
    [InlineData("11.07.2019")]
    [InlineData("")]
    public void Anything_else_is_invalid(string date) => Assert.False(PartialDate.IsValid(date));
}
