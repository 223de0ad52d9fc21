using System.Text.Json;
using MovingCities.Web.Commitments;

namespace MovingCities.Tests.Text;

public class LocalizedTextTests
{
    [Theory]
    [InlineData("Deutsch", "English", "de", "Deutsch", "de")]
    [InlineData("Deutsch", "English", "en", "English", "en")]
    [InlineData("Deutsch", null, "en", "Deutsch", "de")]
    [InlineData(null, "English", "de", "English", "en")]
    [InlineData("Deutsch", "   ", "en", "Deutsch", "de")]
    [InlineData("", "English", "de", "English", "en")]
    [InlineData("Deutsch", "English", "fr", "Deutsch", "de")]
    public void In_gives_the_wanted_language_or_the_other_and_says_which(string? de, string? en, string wanted, string text, string lang) =>
        Assert.Equal<(string, string)?>((text, lang), new LocalizedText(de, en).In(wanted));

    [Theory]
    [InlineData(null, null)]
    [InlineData("", " ")]
    [InlineData("\n", null)]
    public void Blank_text_in_both_languages_is_no_text(string? de, string? en)
    {
        var text = new LocalizedText(de, en);
        Assert.True(text.IsEmpty);
        Assert.Null(text.In("en"));
        Assert.Null(text.OrNull());
        Assert.Equal(LocalizedText.Empty, text);
    }

    [Fact]
    public void Json_leaves_out_a_missing_language_and_reads_either_back()
    {
        var web = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Assert.Equal("""{"de":"Deutsch","en":"English"}""", JsonSerializer.Serialize(new LocalizedText("Deutsch", "English"), web));
        Assert.Equal("""{"en":"English"}""", JsonSerializer.Serialize(new LocalizedText(" ", "English"), web));
        Assert.Equal(new LocalizedText(null, "English"), JsonSerializer.Deserialize<LocalizedText>("""{"en":"English"}""", web));
        Assert.Equal(new LocalizedText("Deutsch", null), JsonSerializer.Deserialize<LocalizedText>("""{"de":"Deutsch","en":""}""", web));
    }
}
