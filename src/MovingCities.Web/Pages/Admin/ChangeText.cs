using Microsoft.Extensions.Localization;
using MovingCities.Web.History;
using MovingCities.Web.Resources;

namespace MovingCities.Web.Pages.Admin;

/// <summary>
/// A recorded change as the history lists say it in the editor's language: "commitment created", „Zusage angelegt“.
/// The log stores the subject and action as codes (<see cref="ChangeSubjects"/>, <see cref="Change.Action"/>).
/// </summary>
public static class ChangeText
{
    public static string What(IStringLocalizer<EditorText> text, Change change) =>
        text["Change.What", Subject(text, change.Subject), Action(text, change.Action)]
        + (change.Origin == ChangeOrigins.Proposal ? $" ({text["Change.FromProposal"]})" : "");

    public static string Subject(IStringLocalizer<EditorText> text, string subject) => Named(text, $"Change.Subject.{subject}", subject);

    public static string Action(IStringLocalizer<EditorText> text, string action) => Named(text, $"Change.Action.{action}", action);

    /// <summary>A code the texts do not know yet is shown as stored rather than as its key.</summary>
    static string Named(IStringLocalizer<EditorText> text, string key, string code) => text[key] is { ResourceNotFound: false } found ? found.Value : code;
}
