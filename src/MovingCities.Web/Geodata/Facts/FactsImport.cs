using Microsoft.EntityFrameworkCore;
using MovingCities.Web.Cities;
using MovingCities.Web.Commitments;
using MovingCities.Web.Data;
using MovingCities.Web.Networks;

namespace MovingCities.Web.Geodata.Facts;

/// <summary>
/// Merges a facts file (geodata/sources/) into the database: one city per name and country, each row a sourced
/// commitment, a network membership (<c>solidarity-city-network</c>) or a profile link (<c>featured-city</c>).
/// Places come from the gazetteer; rows that cannot be placed without guessing are reported, not written.
/// Running it again adds nothing: a commitment with the same type and source is already there.
/// </summary>
public sealed class FactsImport(MovingCitiesDb db, Gazetteer gazetteer, FactsRules rules)
{
    /// <summary>The facts file's <c>declared</c> is our <c>decided</c>.</summary>
    static readonly Dictionary<string, CommitmentStatus> Statuses = new()
    {
        ["declared"] = CommitmentStatus.Decided, ["decided"] = CommitmentStatus.Decided,
        ["implemented"] = CommitmentStatus.Implemented, ["announced"] = CommitmentStatus.Announced,
        ["revoked"] = CommitmentStatus.Revoked, ["rejected"] = CommitmentStatus.Rejected,
    };

    public async Task<FactsReport> RunAsync(IReadOnlyList<FactRow> rows)
    {
        var report = new FactsReport { Rows = rows.Count };
        foreach (var file in rows.GroupBy(r => r.File))
            report.Files.Add((file.Key, file.Count()));
        report.AllRows.AddRange(rows);
        var knownTypes = (await db.CommitmentTypes.Select(t => t.Key).ToListAsync()).ToHashSet();
        var cities = await db.Cities.Include(c => c.Commitments).Include(c => c.Memberships).ThenInclude(m => m.Network).AsSplitQuery().ToListAsync();
        var networks = await db.Networks.ToDictionaryAsync(n => n.Slug);
        var slugs = cities.Select(c => c.Slug).ToHashSet();

        await using var transaction = await db.Database.BeginTransactionAsync();
        // Rows left out by rule (places that are not municipalities, say) are reported before any place is looked up.
        var kept = new List<FactRow>();
        foreach (var row in rows)
            if (rules.SkipFor(row) is { } skip) Skip(row, $"left out by rule: {skip.Why}", report);
            else kept.Add(row);
        foreach (var group in kept.GroupBy(r => (r.City.Trim(), r.Country.Trim())))
        {
            var (name, country) = group.Key;
            var nameKey = CityRules.NameKey(name);
            var city = cities.FirstOrDefault(c => c.SearchName == nameKey && c.Country == country);
            var created = false;
            if (city is null)
            {
                city = Place(name, country, group.First().Region, group.ToList(), slugs, report);
                if (city is null)
                    continue;
                cities.Add(city);
                db.Cities.Add(city);
                created = true;
            }

            var added = 0;
            foreach (var row in group)
                added += Apply(city, row, knownTypes, networks, report);
            if (created && added == 0)
            {
                // Every row of a new place was skipped: no city without a fact.
                db.Cities.Remove(city);
                cities.Remove(city);
                slugs.Remove(city.Slug);
                continue;
            }
            if (created) report.CitiesCreated++;
            else if (added > 0)
            {
                report.CitiesExtended++;
                city.Version++; // like any edit: a form opened before the merge must not write over it
            }
        }
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return report;
    }

    City? Place(string name, string country, string region, List<FactRow> rows, HashSet<string> slugs, FactsReport report)
    {
        var rule = rules.PlaceFor(name, country);
        var gazetteerName = rule?.GazetteerName ?? name;
        var place = gazetteer.Locate(gazetteerName, country, rule?.Region ?? NullIfEmpty(region), out var ambiguity);
        if (place is null)
        {
            var reason = ambiguity ?? $"no place called {gazetteerName} in {country} in the gazetteer (GeoNames places of 1,000+ inhabitants)";
            report.Unplaced.AddRange(rows.Select(r => (r, reason)));
            return null;
        }

        var record = new CityRecord(null, name, country, NullIfEmpty(region) ?? place.Region, 0, 0, null, null, null, []);
        var slug = CitySlugs.AssignAll([record], (candidate, _) => slugs.Contains(candidate)).Single().Slug!;
        slugs.Add(slug);
        var city = new City
        {
            Slug = slug, Name = name, Country = country, Region = record.Region,
            GazetteerName = gazetteerName == name ? null : gazetteerName, LocationNote = rule?.Note,
        };
        city.MoveTo(place.Longitude, place.Latitude);
        if (rule is not null)
            report.Decisions.Add((name, $"placed at the gazetteer's {place.Name} ({place.Region ?? place.Admin1}){(rule.Note is null ? "" : ": " + rule.Note)}"));
        return city;
    }

    /// <summary>Applies one row to its city; returns how many facts it added.</summary>
    int Apply(City city, FactRow row, HashSet<string> knownTypes, Dictionary<string, Network> networks, FactsReport report)
    {
        if (!Http.Links.IsHttp(row.SourceUrl))
            return Skip(row, $"source_url \"{row.SourceUrl}\" is not an http(s) URL", report);
        var date = NullIfEmpty(row.Date);
        if (date is not null && !PartialDate.IsValid(date))
            return Skip(row, $"date \"{row.Date}\" is not YYYY, YYYY-MM or YYYY-MM-DD", report);
        if (!Statuses.TryGetValue(row.Status.Trim().ToLowerInvariant(), out var status))
            return Skip(row, $"status \"{row.Status}\" is not one of {string.Join(", ", Statuses.Keys)}", report);
        if (rules.StatusFor(row) is { } changed)
        {
            status = Statuses[changed.Status];
            date = changed.Date ?? date;
            report.Decisions.Add((row.City, $"{row.Commitment} row ({row.Status}) recorded as {changed.Status}{(changed.Date is null ? "" : " (" + changed.Date + ")")}: {changed.Why}"));
        }
        var summary = NullIfEmpty(row.Note);
        var type = row.Commitment;

        switch (row.Commitment)
        {
            case "featured-city":
                if (city.ProfileUrl == row.SourceUrl)
                {
                    report.AlreadyPresent++;
                    return 0;
                }
                if (city.ProfileUrl is not null)
                    return Skip(row, $"{city.Name} already links the profile {city.ProfileUrl}", report);
                city.ProfileUrl = row.SourceUrl;
                report.Profiles++;
                return 1;

            case "solidarity-city-network" when status is not (CommitmentStatus.Decided or CommitmentStatus.Implemented):
                // Offered, refused or withdrawn: not a membership (memberships have no status).
                if (rules.NetworkRowsNotMemberships is not { } asCommitment)
                    return Skip(row, $"a {row.Status} network row is not a membership, and facts-rules.json names no type for it", report);
                type = asCommitment.Type;
                report.Decisions.Add((row.City, $"{row.Status} solidarity-city-network row filed as {type} ({row.Status}): {asCommitment.Why}"));
                break;

            case "solidarity-city-network":
                var rule = rules.NetworkFor(row.Note);
                if (rule is null)
                    return Skip(row, "the note names no network listed in facts-rules.json", report);
                if (!networks.TryGetValue(rule.Slug, out var network))
                {
                    network = new Network { Slug = rule.Slug, Name = rule.Name, Description = rule.Description, Url = rule.Url };
                    networks[rule.Slug] = network;
                    db.Networks.Add(network);
                }
                if (city.Memberships.Any(m => m.Network.Slug == network.Slug))
                {
                    report.AlreadyPresent++;
                    return 0;
                }
                city.Memberships.Add(new NetworkMembership { Network = network, City = city, Date = date, Summary = summary, SourceUrl = row.SourceUrl });
                report.Memberships++;
                return 1;
        }

        if (type == "other")
        {
            var other = rules.OtherTypeFor(row);
            if (other is null)
                return Skip(row, "an 'other' row without a catalogue type in facts-rules.json", report);
            type = other.Type;
            report.Decisions.Add((row.City, $"'other' row filed as {type}: {other.Why}"));
        }
        if (!knownTypes.Contains(type))
            return Skip(row, $"commitment \"{type}\" is not in the catalogue", report);
        if (city.Commitments.Any(c => c.TypeKey == type && c.SourceUrl == row.SourceUrl))
        {
            report.AlreadyPresent++;
            return 0;
        }
        // The facts files' notes are English (they have no German column): the German summary stays to be written.
        city.Commitments.Add(new Commitment
        {
            TypeKey = type, Status = status, Date = date, Summary = new LocalizedText(null, summary), SourceUrl = row.SourceUrl,
        });
        report.Commitments++;
        return 1;
    }

    static int Skip(FactRow row, string reason, FactsReport report)
    {
        report.Skipped.Add((row, reason));
        return 0;
    }

    static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
