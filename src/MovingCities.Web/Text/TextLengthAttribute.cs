using System.ComponentModel.DataAnnotations;
using MovingCities.Web.Localization;

namespace MovingCities.Web.Text;

/// <summary>
/// A form field's length limit counted as the file readers count it (<see cref="UnicodeText.Length"/>: what a
/// reader sees as one character), so an emoji or a flag is one, not two or four UTF-16 units; otherwise a text
/// that <c>import</c> took could not be saved again unchanged from the form.
/// </summary>
public sealed class TextLengthAttribute(int maximum) : ValidationAttribute
{
    public int Maximum { get; } = maximum;

    /// <summary>The limit as an editor is told it (in the request's language on a form, in English from the API).</summary>
    public static Message Problem(int maximum) => new("Rule.TextLength", maximum);

    public override string FormatErrorMessage(string name) => Problem(Maximum).InCurrentLanguage();

    public override bool IsValid(object? value) => value is not string text || UnicodeText.Length(text) <= Maximum;
}
