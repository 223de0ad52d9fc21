using System.Text.Json;
using MovingCities.Web.Data;

namespace MovingCities.Web.History;

/// <summary>Adds a <see cref="Change"/> to the unit of work, so it is saved with the change it describes or not at all.</summary>
public static class HistoryLog
{
    static readonly JsonSerializerOptions SnapshotJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Record(MovingCitiesDb db, string subject, int subjectId, string label, string action, string editor,
        object? before, object? after, string? origin = null) =>
        db.Changes.Add(new Change
        {
            Subject = subject,
            SubjectId = subjectId,
            Label = label,
            Action = action,
            Editor = editor,
            AtUtc = DateTime.UtcNow,
            Origin = origin,
            Before = before is null ? null : JsonSerializer.Serialize(before, SnapshotJson),
            After = after is null ? null : JsonSerializer.Serialize(after, SnapshotJson),
        });

    public static T? Read<T>(string? json) => json is null ? default : JsonSerializer.Deserialize<T>(json, SnapshotJson);
}
