using Microsoft.EntityFrameworkCore;
using MovingCities.Web.Data;
using MovingCities.Web.Geodata;

namespace MovingCities.Web.Tagging;

/// <summary>The suggester for the current cities: rebuilt after any saved change, so a city added a minute ago is found.</summary>
public sealed class TagSuggestions(DataVersion dataVersion, IServiceScopeFactory scopes, GazetteerSource gazetteer)
{
    readonly SemaphoreSlim _building = new(1, 1);
    volatile Built? _built;

    sealed record Built(long Version, TagSuggester Suggester);

    public async Task<TagSuggester> GetAsync(CancellationToken cancellationToken)
    {
        if (_built is { } built && built.Version == dataVersion.Current)
            return built.Suggester;
        await _building.WaitAsync(cancellationToken);
        try
        {
            var version = dataVersion.Current;
            if (_built is { } fresh && fresh.Version == version)
                return fresh.Suggester;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MovingCitiesDb>();
            var cities = await db.Cities.AsNoTracking()
                .Select(c => new KnownCity(c.Slug, c.Name, c.Country, c.Region, c.GazetteerName)).ToListAsync(cancellationToken);
            var suggester = new TagSuggester(cities, gazetteer.Gazetteer?.Places ?? [], gazetteer.CommonWords);
            _built = new Built(version, suggester);
            return suggester;
        }
        finally
        {
            _building.Release();
        }
    }
}
