namespace MovingCities.Web.Geodata;

/// <summary>
/// The gazetteer, loaded once on first use (3.4 MB, ~0.3 s) from <c>Gazetteer:Folder</c> or the geodata
/// folder. Null when the folder has none (a test fixture): then only the map's own cities are known.
/// </summary>
public sealed class GazetteerSource(IServiceProvider services, IConfiguration configuration)
{
    readonly Lazy<Gazetteer?> _gazetteer = new(() =>
    {
        var folder = configuration["Gazetteer:Folder"] is { Length: > 0 } configured ? configured : GeodataLocation.Resolve(services);
        return File.Exists(Path.Combine(folder, Gazetteer.File)) ? Gazetteer.Load(folder) : null;
    });

    readonly Lazy<string[]> _commonWords = new(() =>
    {
        var folder = configuration["Gazetteer:Folder"] is { Length: > 0 } configured ? configured : GeodataLocation.Resolve(services);
        return Tagging.TagSuggester.ReadWordList(Path.Combine(folder, CommonWordsFile)).ToArray();
    });

    public const string CommonWordsFile = "tagging-common-words.txt";

    public Gazetteer? Gazetteer => _gazetteer.Value;

    public IReadOnlyList<string> CommonWords => _commonWords.Value;
}
