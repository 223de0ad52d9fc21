namespace MovingCities.Web.Editors;

/// <summary>Who may do what: editors write posts and edit cities; admins also manage editors.</summary>
public static class EditorRoles
{
    public const string Editor = "Editor";
    public const string Admin = "Admin";

    /// <summary>The policy on every editor page and <c>/api/editor</c> route: Editor or Admin.</summary>
    public const string EditingPolicy = "Editing";

    public static readonly string[] All = [Editor, Admin];
}
