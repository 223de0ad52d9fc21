using MovingCities.Web.Commitments;
using MovingCities.Web.History;

namespace MovingCities.Web.Cities;

/// <summary>
/// Takes back one recorded change of a city's commitment (an editor's, or an accepted public proposal's): the
/// commitment goes back to what it was before it (a created one is removed, a deleted one comes back). Only while the
/// commitment still is what the change made it: a later change must be taken back first, so nothing newer is lost.
/// </summary>
public static class CommitmentUndo
{
    /// <summary>Whether the change can be taken back now: the city's commitments still show what it made.</summary>
    public static bool IsPossible(City city, Change change) =>
        change.Subject == ChangeSubjects.Commitment && Target(city, change, out _);

    /// <summary>Applies the undo to the city's commitments; false when <see cref="IsPossible"/> is not.</summary>
    /// <param name="removed">The commitment taken out of the city (the caller removes it from the database), or null.</param>
    public static bool Apply(City city, Change change, out Commitment? removed)
    {
        removed = null;
        if (change.Subject != ChangeSubjects.Commitment || !Target(city, change, out var current))
            return false;
        var before = HistoryLog.Read<CommitmentSnapshot>(change.Before);
        if (before is null)
        {
            city.Commitments.Remove(current!);
            removed = current;
            return true;
        }
        var commitment = current ?? new Commitment { TypeKey = before.Type, SourceUrl = before.SourceUrl };
        commitment.TypeKey = before.Type;
        commitment.Status = before.Status;
        commitment.Date = before.Date;
        commitment.Summary = before.Summary ?? LocalizedText.Empty;
        commitment.SourceUrl = before.SourceUrl;
        commitment.LastVerified = before.LastVerified;
        if (current is null)
            city.Commitments.Add(commitment);
        return true;
    }

    /// <summary>The commitment the change made (null for a deletion, which left none), if the city still shows it.</summary>
    static bool Target(City city, Change change, out Commitment? current)
    {
        current = null;
        var after = HistoryLog.Read<CommitmentSnapshot>(change.After);
        if (after is null)
            return HistoryLog.Read<CommitmentSnapshot>(change.Before) is not null; // a deletion: bring it back
        current = city.Commitments.FirstOrDefault(c => Same(CommitmentSnapshot.Of(c, city.Slug), after));
        return current is not null;
    }

    static bool Same(CommitmentSnapshot a, CommitmentSnapshot b) =>
        a.Type == b.Type && a.Status == b.Status && a.Date == b.Date && a.SourceUrl == b.SourceUrl && a.LastVerified == b.LastVerified
        && (a.Summary ?? LocalizedText.Empty) == (b.Summary ?? LocalizedText.Empty);
}
