using System.Globalization;
using MovingCities.Web.Cities;

namespace MovingCities.Web.Geodata;

/// <summary>
/// Everything <c>validate-geodata</c> checks: what <see cref="GeodataReader"/> checks (schema, unique slugs,
/// known types, statuses, ISO dates, http(s) sources, news tags that exist) plus every city's position
/// against the gazetteer, and summaries saying a decision was withdrawn on items not marked revoked.
/// </summary>
public static class GeodataValidator
{
    public sealed record Result(IReadOnlyList<string> Problems, GeodataSet? Data);

    public static Result Validate(string folder, Gazetteer gazetteer)
    {
        GeodataSet data;
        try
        {
            data = GeodataReader.Read(folder);
        }
        catch (GeodataException e)
        {
            return new Result(e.Problems, null);
        }

        var problems = new List<string>();
        foreach (var city in data.Cities)
            foreach (var (commitment, index) in city.Commitments.Select((c, i) => (c, i)))
                if (commitment.Status is not ("revoked" or "rejected")
                    && (Commitments.CommitmentStatuses.SaysWithdrawn(commitment.Summary?.De) || Commitments.CommitmentStatuses.SaysWithdrawn(commitment.Summary?.En)))
                    problems.Add($"{GeodataFiles.Cities}: {city.Slug}: commitments[{index}] ({commitment.Type}) is {commitment.Status}, but its summary says " +
                        "the decision was withdrawn: mark it revoked (dated when it was withdrawn), or reword the summary");
        foreach (var city in data.Cities)
        {
            // An explained override: the note says why the point is not the gazetteer's.
            if (city.LocationNote is not null)
                continue;
            var at = $"{GeodataFiles.Cities}: {city.Slug}";
            var name = city.GazetteerName ?? city.Name;
            var place = gazetteer.Locate(name, city.Country, city.Region, out var ambiguity);
            if (place is null)
            {
                problems.Add($"{at}: {ambiguity ?? $"no place called {name} in {city.Country} in the gazetteer"}; " +
                    "set gazetteerName to the gazetteer's name, or locationNote to explain the position");
                continue;
            }
            var distance = Cities.Distance.Km(city.Longitude, city.Latitude, place.Longitude, place.Latitude);
            if (PositionCheck.IsFar(distance))
                problems.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{at}: [{city.Longitude}, {city.Latitude}] is {distance:F1} km from the gazetteer's {place.Name} " +
                    $"[{place.Longitude}, {place.Latitude}] (more than {CityRules.MaxKmFromGazetteer} km): fix the point or explain it in locationNote"));
        }
        return new Result(problems, data);
    }
}
