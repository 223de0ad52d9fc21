using System.Xml.Linq;
using MovingCities.Tests.Infrastructure;

namespace MovingCities.Tests.Languages;

/// <summary>The resource files as they are in the repository: key → text.</summary>
public static class ResourceFiles
{
    public static string Folder => Path.Combine(TestApp.RepoRoot, "src", "MovingCities.Web", "Resources");

    public static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(Folder, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    public static IEnumerable<string> Keys(string file) => Read(file).Keys;

    /// <summary>Every resource set: its neutral (English) file and the translations beside it.</summary>
    public static IEnumerable<(string Neutral, string[] Translations)> Sets() =>
        Directory.GetFiles(Folder, "*.resx").Select(Path.GetFileName).Where(f => f!.Count(c => c == '.') == 1)
            .Select(neutral => (neutral!, Directory.GetFiles(Folder, Path.GetFileNameWithoutExtension(neutral) + ".*.resx").Select(Path.GetFileName).ToArray()!))!;
}
