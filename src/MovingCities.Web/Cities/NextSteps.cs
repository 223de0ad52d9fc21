using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using MovingCities.Web.Commitments;
using MovingCities.Web.Data;

namespace MovingCities.Web.Cities;

/// <summary>
/// What a city could do next: the commitment types of the catalogue it has not made (no live commitment of that
/// type; a revoked or rejected one counts as not made), each with how many cities have made it and the nearest of
/// them. Worded by its readers as an invitation, never as a ranking. The city page and the city's JSON both read
/// it from here.
/// </summary>
/// <remarks>
/// Who has made what is read in one query per data version (<see cref="PreparedPerVersion{T}"/>) and kept in
/// memory; a request then costs one pass over the holders of each missing type: O(types × cities).
/// </remarks>
public sealed class NextSteps(DataVersion dataVersion, IServiceScopeFactory scopes)
{
    /// <summary>How many of the nearest cities that made a type are named.</summary>
    public const int NearestCount = 3;

    readonly PreparedPerVersion<Holders> _holders = new(dataVersion, scopes, Holders.LoadAsync);

    /// <summary>The types <paramref name="city"/> has not made, in catalogue order; empty when it has made them all.</summary>
    public async Task<IReadOnlyList<NextStep>> ForAsync(CityDetails city, CancellationToken cancellationToken) =>
        (await _holders.GetAsync(cancellationToken)).For(city);

    /// <summary>The catalogue, and per type the cities with a live commitment of it.</summary>
    public sealed class Holders
    {
        readonly IReadOnlyList<TypeHolders> _types;

        Holders(IReadOnlyList<TypeHolders> types) => _types = types;

        sealed record TypeHolders(string Key, LocalizedText Title, string Color, Holder[] Cities);

        /// <param name="Date">The earliest date of the city's live commitments of the type; null when none is dated.</param>
        readonly record struct Holder(string Slug, string Name, Distance.Position Position, string? Date);

        /// <summary>One read of the catalogue and one of every commitment with its city's name and position.</summary>
        public static async Task<Holders> LoadAsync(MovingCitiesDb db, CancellationToken cancellationToken)
        {
            var types = await db.CommitmentTypes.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Key)
                .Select(t => new { t.Key, t.TitleDe, t.TitleEn, t.Color })
                .ToListAsync(cancellationToken);
            var commitments = await db.Commitments.AsNoTracking()
                .Select(c => new { c.TypeKey, c.Status, c.Date, c.City.Slug, c.City.Name, c.City.Longitude, c.City.Latitude })
                .ToListAsync(cancellationToken);
            var byType = commitments
                .Where(c => c.Status.IsLive())
                .GroupBy(c => c.TypeKey)
                .ToDictionary(type => type.Key, type => type
                    .GroupBy(c => c.Slug)
                    .Select(city =>
                    {
                        var first = city.First();
                        var earliest = city.Select(c => c.Date).Where(date => date is not null).Min(StringComparer.Ordinal);
                        return new Holder(first.Slug, first.Name, new Distance.Position(first.Longitude, first.Latitude), earliest);
                    })
                    .OrderBy(holder => holder.Slug, StringComparer.Ordinal)
                    .ToArray());
            return new Holders(types.Select(t => new TypeHolders(
                t.Key, new LocalizedText(t.TitleDe, t.TitleEn), t.Color, byType.GetValueOrDefault(t.Key) ?? [])).ToList());
        }

        /// <inheritdoc cref="NextSteps.ForAsync"/>
        public IReadOnlyList<NextStep> For(CityDetails city)
        {
            var made = city.Commitments.Where(c => c.Status.IsLive()).Select(c => c.Type).ToHashSet(StringComparer.Ordinal);
            var here = new Distance.Position(city.Longitude, city.Latitude);
            var steps = new List<NextStep>();
            foreach (var type in _types)
            {
                if (made.Contains(type.Key))
                    continue;
                var (count, nearest) = Nearest(type.Cities, here, city.Slug);
                steps.Add(new NextStep(type.Key, type.Title, type.Color, NotMade.Of(city.Commitments.Where(c => c.Type == type.Key)), count, nearest));
            }
            return steps;
        }

        /// <summary>How many holders there are besides the city itself, and the nearest few (ties: by slug).</summary>
        static (int Count, IReadOnlyList<NearbyCity> Nearest) Nearest(Holder[] holders, Distance.Position here, string slug)
        {
            var best = new (double Km, int Index)[NearestCount];
            var found = 0;
            var count = 0;
            for (var i = 0; i < holders.Length; i++)
            {
                if (holders[i].Slug == slug)
                    continue;
                count++;
                var km = Distance.Km(here, holders[i].Position);
                if (found == NearestCount && km >= best[found - 1].Km)
                    continue;
                // Insert in order; strict comparison keeps the earlier slug first on equal distances.
                var at = found < NearestCount ? found++ : NearestCount - 1;
                while (at > 0 && best[at - 1].Km > km)
                {
                    best[at] = best[at - 1];
                    at--;
                }
                best[at] = (km, i);
            }
            var nearest = new NearbyCity[found];
            for (var n = 0; n < found; n++)
            {
                var holder = holders[best[n].Index];
                nearest[n] = new NearbyCity(holder.Slug, holder.Name, Math.Round(best[n].Km, 1), holder.Date);
            }
            return (count, nearest);
        }
    }
}

/// <summary>A commitment type the city has not made, as the city's JSON gives it (<c>nextSteps</c>).</summary>
/// <param name="Type">The type's key.</param>
/// <param name="Revoked">Why a commitment of this type the city has on record does not count: revoked or rejected, and when; null when there is none.</param>
/// <param name="Cities">How many other cities have made it (a live commitment).</param>
/// <param name="Nearest">The nearest of them, nearest first, at most <see cref="NextSteps.NearestCount"/>.</param>
public sealed record NextStep(
    string Type, LocalizedText Title, string Color,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] NotMade? Revoked,
    int Cities, IReadOnlyList<NearbyCity> Nearest);

/// <summary>A commitment of the type that does not count as made: revoked or rejected, in a year (null when undated).</summary>
public sealed record NotMade(CommitmentStatus Status, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? Year)
{
    /// <summary>The latest revoked or rejected commitment among a city's commitments of one type (none live), or null.</summary>
    public static NotMade? Of(IEnumerable<CommitmentView> commitments) => commitments
        .Where(c => !c.Status.IsLive())
        .OrderByDescending(c => c.Date ?? "", StringComparer.Ordinal)
        .Select(c => new NotMade(c.Status, CommitmentStatuses.Year(c.Date)))
        .FirstOrDefault();
}

/// <summary>A city that has made the type: its distance in km (one decimal) and the date it first did (null when undated).</summary>
public sealed record NearbyCity(string Slug, string Name, double Km, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Date)
{
    /// <summary>The distance as the language writes numbers: one decimal below 10 km ("2,5"), whole km above ("1.234").</summary>
    public string WrittenKm(CultureInfo culture) => Distance.Written(Km, culture);
}
