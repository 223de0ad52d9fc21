using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using MovingCities.Tests.Infrastructure;
using MovingCities.Web.Editors;

namespace MovingCities.Tests.Editors;

/// <summary>Signing in under attack: the rate limit explains itself, and failures tell nothing about which accounts exist.</summary>
public partial class SignInTests
{
    const string Known = "editor@example.org";
    const string Unknown = "nobody@example.org";

    static async Task CreateAccount(TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Empty(await EditorAccounts.CreateAsync(scope.ServiceProvider, Known, Editor.Password, admin: false));
    }

    static Task<HttpResponseMessage> Attempt(Editor visitor, string email, string password) =>
        visitor.PostForm("/account/login", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>The page as every visitor would get it: without the echoed email and the per-request antiforgery token.</summary>
    static async Task<string> Comparable(HttpResponseMessage response) =>
        InputValues().Replace(await response.Content.ReadAsStringAsync(), "value=\"…\"");

    [GeneratedRegex("value=\"[^\"]*\"")]
    private static partial Regex InputValues();

    [Fact]
    public async Task Too_many_attempts_get_429_with_retry_after_and_a_page_saying_when_to_try_again()
    {
        using var app = new TestApp();
        var visitor = Editor.Anonymous(app);
        HttpResponseMessage response;
        var attempts = 0;
        do
        {
            response = await Attempt(visitor, Unknown, "wrong password!");
            attempts++;
        } while (response.StatusCode != HttpStatusCode.TooManyRequests && attempts < 20);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(EditorSecurity.LoginAttemptsPerWindow + 1, attempts);
        Assert.Equal(EditorSecurity.LoginWindow, response.Headers.RetryAfter?.Delta);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var text = page.QuerySelector("main")?.TextContent ?? page.Body!.TextContent;
        Assert.DoesNotContain("Something went wrong", text);
        Assert.Contains("Too many sign-in attempts from this address", text);
        Assert.Contains("Try again in 60 seconds", text);
    }

    [Fact]
    public async Task Unknown_emails_wrong_passwords_and_locked_accounts_get_the_same_answer()
    {
        using var app = new TestApp();
        await CreateAccount(app);
        var visitor = Editor.Anonymous(app);

        var firstWrong = await Attempt(visitor, Known, "wrong password!");
        for (var attempt = 1; attempt < 5; attempt++)
            await Attempt(visitor, Known, "wrong password!");
        var unknown = await Attempt(visitor, Unknown, "wrong password!");
        var locked = await Attempt(visitor, Known, "wrong password!");
        var lockedRightPassword = await Attempt(visitor, Known, Editor.Password);

        var expected = await Comparable(firstWrong);
        Assert.Contains("locked", new HtmlParser().ParseDocument(expected).QuerySelector("[role=alert]")!.TextContent);
        foreach (var answer in new[] { unknown, locked, lockedRightPassword })
        {
            Assert.Equal(firstWrong.StatusCode, answer.StatusCode);
            Assert.Equal(expected, await Comparable(answer));
            Assert.False(answer.Headers.Contains("Set-Cookie") && answer.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("movingcities.editor=", StringComparison.Ordinal)),
                "a locked account must not be signed in, even with the right password");
        }
    }
}
