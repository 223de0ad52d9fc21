namespace MovingCities.Web.History;

/// <summary>
/// One recorded change to a post, city or commitment: who, when, what, and the item before and after as JSON
/// snapshots, so the history can show what changed and a post can be restored to an earlier version. The time is
/// kept in UTC; editors read it in their time zone (<see cref="Editors.EditorTime"/>).
/// </summary>
public class Change
{
    public int Id { get; set; }

    /// <summary><see cref="ChangeSubjects"/>: post, city or commitment.</summary>
    public required string Subject { get; set; }

    /// <summary>The post's or the city's id; a commitment's changes are kept under its city's id.</summary>
    public int SubjectId { get; set; }

    /// <summary>The item's name when the change was made (a post's title, a city's name).</summary>
    public required string Label { get; set; }

    /// <summary>created, updated, published, unpublished, restored, deleted.</summary>
    public required string Action { get; set; }

    public required string Editor { get; set; }

    public DateTime AtUtc { get; set; }

    /// <summary>Where the change came from when not typed by the editor: <see cref="ChangeOrigins"/> (a public proposal), else null.</summary>
    public string? Origin { get; set; }

    public string? Before { get; set; }
    public string? After { get; set; }
}

public static class ChangeSubjects
{
    public const string Post = "post";
    public const string City = "city";
    public const string Commitment = "commitment";
}

public static class ChangeOrigins
{
    /// <summary>An editor accepted a public proposal (<see cref="Proposals.Proposal"/>).</summary>
    public const string Proposal = "proposal";
}
