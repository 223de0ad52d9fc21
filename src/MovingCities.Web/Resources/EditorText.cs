namespace MovingCities.Web.Resources;

/// <summary>
/// The editors' texts: <c>EditorText.resx</c> (English) and <c>EditorText.de.resx</c> (German), read through
/// <c>IStringLocalizer&lt;EditorText&gt;</c> in the editor area (<c>Pages/Admin</c>) and through
/// <see cref="Localization.Texts.Editor"/> by the rules whose messages the forms show (<see cref="Localization.Message"/>).
/// Keys name where a text is used (<c>Post.Heading.New</c>, <c>Rule.CityName.Missing</c>); keys starting with
/// <c>Script.</c> are handed to the editor's scripts and use named placeholders (<c>{name}</c>).
/// </summary>
public sealed class EditorText;
