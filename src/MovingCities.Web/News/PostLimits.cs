using MovingCities.Web.Localization;

namespace MovingCities.Web.News;

/// <summary>
/// How much a post may hold, and so how large a request the app accepts: the one place these limits come from,
/// so the form's validation, the news files' reader and the server's refusal can never disagree.
/// </summary>
public static class PostLimits
{
    public const int MaxTitleLength = 200;
    public const int MaxSlugLength = 120;
    public const int MaxSummaryLength = 500;
    public const int MaxSourceUrlLength = Http.Links.MaxLength;

    /// <summary>The languages a post is written in, as the form's pattern; <see cref="IsLanguage"/> in code.</summary>
    public const string LanguagePattern = "^(de|en)$";

    public static bool IsLanguage(string? language) => language is "de" or "en";

    /// <summary>A post's Markdown text: a long report is some 50,000 characters, so this leaves room and stops accidents.</summary>
    public const int MaxTextCharacters = 200_000;

    /// <summary>A character costs at most 9 bytes in a submitted form: 3 UTF-8 bytes, each sent as <c>%XX</c>.</summary>
    const int WorstFormBytesPerCharacter = 9;

    /// <summary>Title, slug, summary, source, tags and the antiforgery token, with room to spare.</summary>
    const int RoomForOtherFields = 64 * 1024;

    /// <summary>
    /// The largest request body the app accepts. Derived from the text limit, so a text just within it is never
    /// refused for its size, whatever script it is written in.
    /// </summary>
    public const long MaxRequestBytes = (long)MaxTextCharacters * WorstFormBytesPerCharacter + RoomForOtherFields;

    /// <returns>Why the text cannot be saved (its length and the limit, said in the editor's language), or null when it fits.</returns>
    public static Message? TextTooLong(string? text) => text is null || text.Length <= MaxTextCharacters ? null
        : new Message("Rule.PostText.TooLong", text.Length, MaxTextCharacters);

    /// <summary>Megabytes as the 413 page states them (the form was too large to read, so its fields cannot be shown again).</summary>
    public static double Megabytes(long bytes) => Math.Round(bytes / (1024.0 * 1024.0), 1);
}
