using System.Globalization;
using Microsoft.Extensions.Options;
using MovingCities.Web.History;

namespace MovingCities.Web.Editors;

/// <summary>
/// The editors' time zone (<c>Editors:TimeZone</c>, an IANA name; Europe/Berlin unless set): times are kept in UTC
/// and shown to editors in this zone. Checked when the app starts: an unknown zone stops start-up naming the setting.
/// </summary>
public sealed class EditorTimeOptions
{
    public const string Section = "Editors";
    public const string DefaultTimeZone = "Europe/Berlin";

    public string TimeZone { get; set; } = DefaultTimeZone;

    public sealed class Validator : IValidateOptions<EditorTimeOptions>
    {
        public ValidateOptionsResult Validate(string? name, EditorTimeOptions options) =>
            EditorTime.Find(options.TimeZone) is not null ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"{Section}:TimeZone: '{options.TimeZone}' is not a time zone this machine knows; use an IANA name such as {DefaultTimeZone}.");
    }
}

/// <summary>Moments as an editor reads them: in the editors' time zone, the day and time as the language writes them.</summary>
public sealed class EditorTime(IOptions<EditorTimeOptions> options)
{
    public TimeZoneInfo Zone { get; } = Find(options.Value.TimeZone) ?? TimeZoneInfo.Utc;

    /// <summary>The zone's IANA name (Europe/Berlin), for the hint under a list of times.</summary>
    public string ZoneName => options.Value.TimeZone.Trim();

    /// <summary>The local time in the editors' zone of a moment kept in UTC.</summary>
    public DateTime Local(DateTime atUtc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(atUtc, DateTimeKind.Utc), Zone);

    /// <summary>A moment as the editor's language writes it: „30. November 2026, 15:05 Uhr“, "30 November 2026, 15:05".</summary>
    /// <param name="seconds">With the seconds, where changes made a moment apart must be told apart (a post's history).</param>
    public string When(DateTime atUtc, string lang, bool seconds = false)
    {
        var local = Local(atUtc);
        return Localization.Texts.Editor.Get("Format.When", lang, Localization.Dates.Day(DateOnly.FromDateTime(local), lang),
            local.ToString(seconds ? "HH:mm:ss" : "HH:mm", CultureInfo.InvariantCulture));
    }

    /// <summary>Who made a change and when, as a conflict notice names them: "ana@example.org, 30 November 2026, 15:05".</summary>
    public string Who(Change change, string lang) => Localization.Texts.Editor.Get("Change.Who", lang, change.Editor, When(change.AtUtc, lang));

    internal static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
            return null;
        try { return TimeZoneInfo.FindSystemTimeZoneById(id.Trim()); }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException) { return null; }
    }
}
