using Microsoft.EntityFrameworkCore;
using MovingCities.Web.Data;
using MovingCities.Web.Geodata;

namespace MovingCities.Web.Tagging;

/// <summary>The suggester for the current cities: rebuilt after a saved change, so a city added a minute ago is found.</summary>
public sealed class TagSuggestions(DataVersion dataVersion, IServiceScopeFactory scopes, GazetteerSource gazetteer)
{
    readonly PreparedPerVersion<TagSuggester> _suggester = new(dataVersion, scopes, async (db, cancellationToken) =>
    {
        var cities = await db.Cities.AsNoTracking()
            .Select(c => new KnownCity(c.Slug, c.Name, c.Country, c.Region, c.GazetteerName)).ToListAsync(cancellationToken);
        return new TagSuggester(cities, gazetteer.Gazetteer?.Places ?? [], gazetteer.CommonWords);
    });

    public Task<TagSuggester> GetAsync(CancellationToken cancellationToken) => _suggester.GetAsync(cancellationToken);
}
