using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MovingCities.Web.Editors;

namespace MovingCities.Tests.Infrastructure;

/// <summary>A browser-like client of the app: cookies, antiforgery tokens read from the pages, no auto-redirects.</summary>
public sealed class Editor(HttpClient client)
{
    public const string Password = "a long enough passphrase";

    public HttpClient Client => client;

    /// <summary>Creates an account (Editor role unless told otherwise) and signs it in through the login form.</summary>
    public static async Task<Editor> SignIn(TestApp app, string email = "editor@example.org", params string[] roles)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            if (await users.FindByEmailAsync(email) is null)
            {
                Assert.Empty(await EditorAccounts.CreateAsync(scope.ServiceProvider, email, Password, admin: false));
                var user = (await users.FindByEmailAsync(email))!;
                if (roles.Length > 0 || email.StartsWith("reader", StringComparison.Ordinal))
                {
                    await users.RemoveFromRoleAsync(user, EditorRoles.Editor);
                    if (roles.Length > 0)
                        await users.AddToRolesAsync(user, roles);
                }
            }
        }
        var editor = Anonymous(app);
        var response = await editor.PostForm("/account/login", new() { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return editor;
    }

    /// <summary>A browser that has not signed in; it reads English (the editor area follows the browser's language), as these tests pin English texts.</summary>
    public static Editor Anonymous(TestApp app)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = app.BaseAddress });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return new(client);
    }

    public async Task<AngleSharp.Html.Dom.IHtmlDocument> Page(string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path} → {(int)response.StatusCode}");
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The antiforgery token of the first form on a page.</summary>
    public async Task<string> Token(string path) =>
        (await Page(path)).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new InvalidOperationException($"{path} has no antiforgery token");

    /// <summary>Posts a form the way the page's own form would: with the token from the page at <paramref name="formPage"/>.</summary>
    public async Task<HttpResponseMessage> PostForm(string path, Dictionary<string, string> fields, string? formPage = null, IEnumerable<KeyValuePair<string, string>>? repeated = null)
    {
        var token = await Token(formPage ?? path.Split('?')[0]);
        var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)).Concat(repeated ?? []));
        return await client.PostAsync(path, content);
    }

    public async Task<HttpResponseMessage> PostJson(string path, object body, bool withToken = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (withToken)
            request.Headers.Add("RequestVerificationToken", await Token("/admin/posts"));
        return await client.SendAsync(request);
    }
}
