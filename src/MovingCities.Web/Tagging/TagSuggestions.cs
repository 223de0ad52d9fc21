using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MovingCities.Web.Data;
using MovingCities.Web.Geodata;

namespace MovingCities.Web.Tagging;

/// <summary>The suggester for the current cities: rebuilt after a saved change, so a city added a minute ago is found.</summary>
public sealed class TagSuggestions
{
    readonly PreparedPerVersion<TagSuggester> _suggester;

    public TagSuggestions(DataVersion dataVersion, IServiceScopeFactory scopes, GazetteerSource gazetteer,
        IServiceProvider services, IOptions<GazetteerOptions> options, IHostEnvironment environment)
    {
        // The tagging word lists live beside the gazetteer (Gazetteer:Folder, else the geodata folder); read once.
        var lexicon = new Lazy<TaggingLexicon>(() =>
            TaggingLexicon.Load(options.Value.FullPath(environment) ?? GeodataLocation.Resolve(services)));
        _suggester = new(dataVersion, scopes, async (db, cancellationToken) =>
        {
            var cities = await db.Cities.AsNoTracking()
                .Select(c => new KnownCity(c.Slug, c.Name, c.Country, c.Region, c.GazetteerName, c.Latitude, c.Longitude, c.LocationNote))
                .ToListAsync(cancellationToken);
            return new TagSuggester(cities, gazetteer.Gazetteer?.Places ?? [], gazetteer.CommonWords, lexicon.Value);
        });
    }

    public Task<TagSuggester> GetAsync(CancellationToken cancellationToken) => _suggester.GetAsync(cancellationToken);
}
