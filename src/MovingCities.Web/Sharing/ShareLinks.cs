using MovingCities.Web.Cities;
using MovingCities.Web.Localization;

namespace MovingCities.Web.Sharing;

/// <summary>What a page's share section offers: its address, its card, the embed code and where to tailor the embed.</summary>
public sealed record ShareLinks(string PageUrl, string CardPath, string CardFileName, string EmbedSnippet, string BuilderPath)
{
    public static ShareLinks ForCity(HttpRequest request, string lang, CityDetails city)
    {
        var origin = $"{request.Scheme}://{request.Host}";
        var embed = new EmbedTarget(lang, [new("city", city.Slug)], EmbedCode.FrameTitle(lang, city.Name));
        return new ShareLinks(origin + Addresses.City(lang, city.Slug), Addresses.CityCard(lang, city.Slug), $"{city.Slug}-{lang}.png",
            EmbedCode.Iframe(origin + embed.Path, EmbedCode.DefaultWidth, EmbedCode.DefaultHeight, embed.Title), Addresses.EmbedBuilder(lang, city.Slug));
    }
}
