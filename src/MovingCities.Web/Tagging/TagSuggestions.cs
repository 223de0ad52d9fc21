using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MovingCities.Web.Data;
using MovingCities.Web.Geodata;

namespace MovingCities.Web.Tagging;

/// <summary>
/// The suggester for the current cities: after a saved change the cities are read again, so a city added a minute ago
/// is found. The suggester is rebuilt only when what it knows of them changed: most saves (a post published, a
/// commitment added) leave the cities' names and places as they were, and a rebuild took about 150 ms.
/// </summary>
public sealed class TagSuggestions
{
    readonly PreparedPerVersion<TagSuggester> _suggester;

    /// <summary>The last build and the cities it was built from (read and written only inside a build, one at a time).</summary>
    (List<KnownCity> Cities, TagSuggester Suggester)? _last;

    public TagSuggestions(DataVersion dataVersion, IServiceScopeFactory scopes, GazetteerSource gazetteer,
        IServiceProvider services, IOptions<GazetteerOptions> options, IHostEnvironment environment)
    {
        // The tagging word lists live beside the gazetteer (Gazetteer:Folder, else the geodata folder); read once.
        var lexicon = new Lazy<TaggingLexicon>(() =>
            TaggingLexicon.Load(options.Value.FullPath(environment) ?? GeodataLocation.Resolve(services)));
        _suggester = new(dataVersion, scopes, async (db, cancellationToken) =>
        {
            var cities = await db.Cities.AsNoTracking().OrderBy(c => c.Id)
                .Select(c => new KnownCity(c.Slug, c.Name, c.Country, c.Region, c.GazetteerName, c.Latitude, c.Longitude, c.LocationNote))
                .ToListAsync(cancellationToken);
            if (_last is { } last && last.Cities.SequenceEqual(cities))
                return last.Suggester;
            var suggester = new TagSuggester(cities, gazetteer.Gazetteer?.Places ?? [], gazetteer.CommonWords, lexicon.Value);
            _last = (cities, suggester);
            return suggester;
        });
    }

    public Task<TagSuggester> GetAsync(CancellationToken cancellationToken) => _suggester.GetAsync(cancellationToken);
}
