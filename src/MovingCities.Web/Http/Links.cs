using System.ComponentModel.DataAnnotations;
using MovingCities.Web.Localization;

namespace MovingCities.Web.Http;

public static class Links
{
    /// <summary>Longest source or profile address stored, in files, <c>import</c> and forms alike.</summary>
    public const int MaxLength = 500;

    /// <summary>
    /// Whether a URL may be stored and become a link: absolute http(s) only, never javascript:, data: or ftp:.
    /// The one check for the geodata files, <c>import</c>, the editors' forms and the pages that render links.
    /// </summary>
    public static bool IsHttp(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}

/// <summary><see cref="Links.IsHttp"/> as form validation, in the request's language (an empty field is left to <c>[Required]</c>).</summary>
public sealed class HttpUrlAttribute : ValidationAttribute
{
    public static readonly Message Problem = new("Rule.HttpUrl", Links.MaxLength);

    public override bool IsValid(object? value) => value is not string url || url.Length == 0 || Links.IsHttp(url) && url.Length <= Links.MaxLength;

    public override string FormatErrorMessage(string name) => Problem.InCurrentLanguage();
}
