using System.ComponentModel.DataAnnotations;

namespace MovingCities.Web.Text;

/// <summary>
/// A form field's length limit counted as the file readers count it (<see cref="UnicodeText.Length"/>: what a
/// reader sees as one character), so an emoji or a flag is one, not two or four UTF-16 units; otherwise a text
/// that <c>import</c> took could not be saved again unchanged from the form.
/// </summary>
public sealed class TextLengthAttribute(int maximum) : ValidationAttribute($"At most {maximum:N0} characters.")
{
    public int Maximum { get; } = maximum;

    public override bool IsValid(object? value) => value is not string text || UnicodeText.Length(text) <= Maximum;
}
