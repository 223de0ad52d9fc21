using Microsoft.Extensions.DependencyInjection;
using MovingCities.Tests.Infrastructure;
using MovingCities.Web.Cities;
using MovingCities.Web.News;
using MovingCities.Web.Tagging;

namespace MovingCities.Tests.Tagging;

/// <summary>
/// The app's suggester follows the cities: a saved change that leaves them as they were (a post published) keeps the
/// built suggester, and a city added or renamed is found at once.
/// </summary>
public class TagSuggestionsTests
{
    [Fact]
    public async Task A_published_post_keeps_the_suggester_and_an_added_or_renamed_city_is_found_at_once()
    {
        using var app = new TestApp();
        var suggestions = app.Services.GetRequiredService<TagSuggestions>();
        var first = await suggestions.GetAsync(CancellationToken.None);

        await app.WithDb(async db =>
        {
            db.NewsPosts.Add(new NewsPost
            {
                Slug = "ein-neuer-beitrag", Title = "Ein neuer Beitrag", Body = "Text", Language = "de",
                PublishedAt = new DateOnly(2026, 12, 1), Status = NewsStatus.Published,
            });
            await db.SaveChangesAsync();
        });
        Assert.Same(first, await suggestions.GetAsync(CancellationToken.None));

        await app.WithDb(async db =>
        {
            var city = new City { Slug = "zweifelsheim", Name = "Zweifelsheim", Country = "DE", Version = 1 };
            city.MoveTo(9.5, 48.5);
            db.Cities.Add(city);
            await db.SaveChangesAsync();
        });
        var afterAdding = await suggestions.GetAsync(CancellationToken.None);
        Assert.NotSame(first, afterAdding);
        Assert.Contains(afterAdding.Suggest("Der Rat von Zweifelsheim hat entschieden."), s => s.Slug == "zweifelsheim");

        await app.WithDb(async db =>
        {
            var city = db.Cities.Single(c => c.Slug == "zweifelsheim");
            city.Name = "Hoffnungsheim";
            await db.SaveChangesAsync();
        });
        var afterRenaming = await suggestions.GetAsync(CancellationToken.None);
        Assert.NotSame(afterAdding, afterRenaming);
        Assert.Contains(afterRenaming.Suggest("Der Rat von Hoffnungsheim hat entschieden."), s => s.Slug == "zweifelsheim");
    }
}
