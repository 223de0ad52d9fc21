using System.Globalization;
using Microsoft.Extensions.Options;

namespace MovingCities.Web.Editors;

/// <summary>
/// <c>HTTPS_PORT</c> (also <c>ASPNETCORE_HTTPS_PORT</c>; keys ignore case): where plain-http requests to sign in
/// or edit are redirected outside development. Unset: they are refused with a page saying why.
/// </summary>
public sealed class HttpsPortOptions
{
    public const string Key = "HTTPS_PORT";

    /// <summary>As configured.</summary>
    public string? Value { get; set; }

    public int? Port => int.TryParse(Value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : null;

    /// <summary>Checked when the app starts: a port number or nothing.</summary>
    public sealed class Validator : IValidateOptions<HttpsPortOptions>
    {
        public ValidateOptionsResult Validate(string? name, HttpsPortOptions options) =>
            string.IsNullOrWhiteSpace(options.Value) || options.Port is >= 1 and <= 65535 ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"{Key}: \"{options.Value}\" is not a port number (1-65535).");
    }
}
