using System.Net;
using MovingCities.Tests.Infrastructure;

namespace MovingCities.Tests.Editors;

/// <summary>Writing posts through the editor's real form.</summary>
public static class Posts
{
    public static Dictionary<string, string> Fields(string title, string body, string? slug = null, int version = 0, string? summary = null,
        string? source = null, string language = "de", string date = "2026-11-20") => new()
    {
        ["Input.Title"] = title,
        ["Input.Slug"] = slug ?? "",
        ["Input.Summary"] = summary ?? "",
        ["Input.Body"] = body,
        ["Input.Language"] = language,
        ["Input.Translation"] = "",
        ["Input.PublishedAt"] = date,
        ["Input.SourceUrl"] = source ?? "",
        ["Input.Version"] = version.ToString(),
    };

    static IEnumerable<KeyValuePair<string, string>> Tags(params string[] cities) => cities.Select(c => new KeyValuePair<string, string>("Input.Cities", c));

    /// <returns>The new post's id.</returns>
    public static async Task<int> Create(Editor editor, Dictionary<string, string> fields, string[] cities, bool publish = false)
    {
        var response = await editor.PostForm($"/admin/posts?handler={(publish ? "Publish" : "Save")}", fields, "/admin/posts", Tags(cities));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    public static Task<HttpResponseMessage> Save(Editor editor, int id, string handler, Dictionary<string, string> fields, params string[] cities) =>
        editor.PostForm($"/admin/posts/{id}?handler={handler}", fields, $"/admin/posts/{id}", Tags(cities));
}
