using Microsoft.Extensions.Options;

namespace MovingCities.Web.Geodata;

/// <summary>
/// The gazetteer and the tagger's common-word list, loaded once on first use (3.4 MB, ~0.3 s) from
/// <c>Gazetteer:Folder</c> or the geodata folder. The gazetteer is null when the folder has none (a test
/// fixture): then only the map's own cities are known.
/// </summary>
public sealed class GazetteerSource
{
    public const string CommonWordsFile = "tagging-common-words.txt";

    readonly Lazy<Gazetteer?> _gazetteer;
    readonly Lazy<string[]> _commonWords;

    public GazetteerSource(IServiceProvider services, IOptions<GazetteerOptions> options, IHostEnvironment environment)
    {
        var folder = new Lazy<string>(() => options.Value.FullPath(environment) ?? GeodataLocation.Resolve(services));
        _gazetteer = new(() => File.Exists(Path.Combine(folder.Value, Gazetteer.File)) ? Gazetteer.Load(folder.Value) : null);
        _commonWords = new(() => ReadWordList(Path.Combine(folder.Value, CommonWordsFile)).ToArray());
    }

    public Gazetteer? Gazetteer => _gazetteer.Value;

    public IReadOnlyList<string> CommonWords => _commonWords.Value;

    /// <summary>The common-words file: one word per line, # comments; none when the file is missing.</summary>
    public static IEnumerable<string> ReadWordList(string path) => File.Exists(path)
        ? File.ReadLines(path, System.Text.Encoding.UTF8).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
        : [];
}
