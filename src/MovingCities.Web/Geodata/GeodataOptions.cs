using Microsoft.Extensions.Options;

namespace MovingCities.Web.Geodata;

/// <summary><c>Geodata:Path</c>: the geodata folder; empty means the nearest <c>geodata/</c> above the app.</summary>
public sealed class GeodataOptions
{
    public const string Section = "Geodata";

    /// <summary>Relative paths are under the content root (<c>src/MovingCities.Web/</c>).</summary>
    public string? Path { get; set; }

    public string? FullPath(IHostEnvironment environment) =>
        environment.ConfiguredPath(Path);

    /// <summary>A configured folder must exist and hold <c>commitment-types.json</c>: checked when the app starts.</summary>
    public sealed class Validator(IHostEnvironment environment) : IValidateOptions<GeodataOptions>
    {
        public ValidateOptionsResult Validate(string? name, GeodataOptions options)
        {
            if (options.FullPath(environment) is not { } folder)
                return ValidateOptionsResult.Success;
            return File.Exists(System.IO.Path.Combine(folder, GeodataFiles.CommitmentTypes))
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(Directory.Exists(folder)
                    ? $"Geodata:Path: {folder} has no {GeodataFiles.CommitmentTypes}; set Geodata:Path to a geodata folder."
                    : $"Geodata:Path: the folder {folder} does not exist; set Geodata:Path to a geodata folder.");
        }
    }
}

/// <summary><c>Gazetteer:Folder</c>: where <c>gazetteer.tsv</c> and the tagger's common words are; empty means the geodata folder.</summary>
public sealed class GazetteerOptions
{
    public const string Section = "Gazetteer";

    public string? Folder { get; set; }

    /// <summary>Relative paths are under the content root.</summary>
    public string? FullPath(IHostEnvironment environment) =>
        environment.ConfiguredPath(Folder);

    /// <summary>A configured folder must exist: checked when the app starts. (Without a gazetteer file in it only the map's own cities are known.)</summary>
    public sealed class Validator(IHostEnvironment environment) : IValidateOptions<GazetteerOptions>
    {
        public ValidateOptionsResult Validate(string? name, GazetteerOptions options)
        {
            if (string.IsNullOrWhiteSpace(options.Folder))
                return ValidateOptionsResult.Success;
            var folder = options.FullPath(environment)!;
            return Directory.Exists(folder) ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"Gazetteer:Folder: the folder {folder} does not exist; set Gazetteer:Folder to a folder with {Gazetteer.File}.");
        }
    }
}
