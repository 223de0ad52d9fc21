using System.Text.Json;
using MovingCities.Tests.Infrastructure;
using MovingCities.Web.Cities;
using MovingCities.Web.Commitments;

namespace MovingCities.Tests.Api;

/// <summary>
/// The server's rule of which cities match (<see cref="CitySelection"/>) against the table of cases the map's
/// rule (wwwroot/js/selection.js) is tested with too (tests/js/selection-cases.test.mjs).
/// </summary>
public class SelectionCasesTests
{
    static readonly JsonElement Table = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestApp.RepoRoot, "tests", "selection-cases.json"))).RootElement;

    public static TheoryData<string> Cases => new(Table.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("name").GetString()!));

    static string[] Strings(JsonElement selection, string name) =>
        selection.TryGetProperty(name, out var list) ? list.EnumerateArray().Select(e => e.GetString()!).ToArray() : [];

    static int? Year(JsonElement selection, string name) => selection.TryGetProperty(name, out var year) ? year.GetInt32() : null;

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_server_keeps_the_cities_the_case_table_expects(string name)
    {
        var @case = Table.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
        var s = @case.GetProperty("selection");
        var selection = new CitySelection(Strings(s, "commitments"),
            Strings(s, "statuses").Select(x => Enum.Parse<CommitmentStatus>(x, ignoreCase: true)).ToArray(),
            Year(s, "from"), Year(s, "to"), s.TryGetProperty("undated", out var u) && u.GetBoolean(),
            Strings(s, "countries"), Strings(s, "regions"));

        var kept = Table.GetProperty("cities").EnumerateArray().Where(city => selection.Matches(
                city.GetProperty("country").GetString()!,
                city.GetProperty("region").ValueKind == JsonValueKind.Null ? null : city.GetProperty("region").GetString(),
                city.GetProperty("items").EnumerateArray().Select(item => new CommitmentFact(item[0].GetString()!,
                    Enum.Parse<CommitmentStatus>(item[1].GetString()!, ignoreCase: true), item[2].ValueKind == JsonValueKind.Null ? null : item[2].GetInt32()))))
            .Select(city => city.GetProperty("id").GetString()!).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(Strings(@case, "expect"), kept);
    }
}
