namespace MovingCities.Web.Http;

public static class Links
{
    /// <summary>Whether a URL from the data may become a link: absolute http(s) only, never javascript: or data:.</summary>
    public static bool IsHttp(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
