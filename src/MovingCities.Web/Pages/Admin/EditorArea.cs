using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using MovingCities.Web.Localization;

namespace MovingCities.Web.Pages.Admin;

/// <summary>
/// The editor area (<c>Pages/Admin</c>): its pages, forms and messages speak the editor's language (cookie
/// <c>mc-lang</c>, else the browser's, else German) from <c>Resources/EditorText*.resx</c>.
/// </summary>
public static class EditorArea
{
    /// <summary>Whether a type (a page model, a form) belongs to the editor area, so its labels and messages are editors' texts.</summary>
    public static bool Owns(Type type) =>
        (type.Namespace ?? "").StartsWith(typeof(EditorArea).Namespace!, StringComparison.Ordinal);

    /// <summary>
    /// What model binding says about a value it cannot read ("47,66" for a latitude), in the request's language:
    /// only the editors' forms have such fields, so the texts are theirs.
    /// </summary>
    public static void SayBindingProblems(DefaultModelBindingMessageProvider messages)
    {
        static string Text(string key, params object[] values) => Texts.Editor.Get(key, SiteLanguages.Current, values);
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => Text("Binding.ValueInvalidFor", value, field));
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => Text("Binding.ValueInvalid", value));
        messages.SetUnknownValueIsInvalidAccessor(field => Text("Binding.UnknownInvalidFor", field));
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => Text("Binding.UnknownInvalid"));
        messages.SetValueIsInvalidAccessor(value => Text("Binding.ValueInvalid", value));
        messages.SetValueMustBeANumberAccessor(field => Text("Binding.NumberFor", field));
        messages.SetNonPropertyValueMustBeANumberAccessor(() => Text("Binding.Number"));
        messages.SetValueMustNotBeNullAccessor(value => Text("Binding.ValueInvalid", value));
        messages.SetMissingBindRequiredValueAccessor(field => Text("Binding.MissingFor", field));
    }
}
