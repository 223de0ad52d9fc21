using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MovingCities.Tests.Infrastructure;
using MovingCities.Web.Editors;

namespace MovingCities.Tests.Editors;

public class EditorAuthorizationTests
{
    static bool IsEditorRoute(string pattern)
    {
        var path = "/" + pattern.TrimStart('/');
        return path.StartsWith("/admin", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/api/editor", StringComparison.OrdinalIgnoreCase);
    }

    static List<RouteEndpoint> EditorEndpoints(TestApp app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => IsEditorRoute(e.RoutePattern.RawText ?? "")).ToList();

    /// <summary>
    /// Every route under /admin and /api/editor, found by enumerating the app's endpoints, requires the editing
    /// policy and none allows anonymous access: a new editor route without authorization fails here.
    /// </summary>
    [Fact]
    public void Every_editor_endpoint_requires_the_editing_policy()
    {
        using var app = new TestApp();
        var endpoints = EditorEndpoints(app);

        Assert.True(endpoints.Count >= 8, $"only {endpoints.Count} editor endpoints found: {string.Join(", ", endpoints.Select(e => e.RoutePattern.RawText))}");
        foreach (var endpoint in endpoints)
        {
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            Assert.True(policies.Contains(EditorRoles.EditingPolicy), $"{endpoint.RoutePattern.RawText} does not require the {EditorRoles.EditingPolicy} policy");
            Assert.Null(endpoint.Metadata.GetMetadata<IAllowAnonymous>());
        }
    }

    public static TheoryData<string> EditorPaths() =>
    [
        "/admin", "/admin/posts", "/admin/posts/1", "/admin/posts/1/preview", "/admin/posts/1/history", "/admin/cities",
        "/admin/cities/new", "/admin/cities/1",
    ];

    [Theory]
    [MemberData(nameof(EditorPaths))]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_readers_are_refused(string path)
    {
        using var app = new TestApp();

        var anonymous = await Editor.Anonymous(app).Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/login", anonymous.Headers.Location!.AbsolutePath);

        var reader = await Editor.SignIn(app, "reader@example.org");
        var refused = await reader.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/denied", refused.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task The_editor_api_answers_401_to_anonymous_403_to_readers_and_400_without_antiforgery()
    {
        using var app = new TestApp();
        var body = new { text = "Osnabrück" };

        Assert.Equal(HttpStatusCode.Unauthorized, (await Editor.Anonymous(app).PostJson("/api/editor/tag-suggestions", body, withToken: false)).StatusCode);
        var reader = await Editor.SignIn(app, "reader@example.org");
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostJson("/api/editor/tag-suggestions", body, withToken: false)).StatusCode);
        var editor = await Editor.SignIn(app);
        var withoutToken = await editor.PostJson("/api/editor/tag-suggestions", body, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Contains("antiforgery", await withoutToken.Content.ReadAsStringAsync());

        var answer = await editor.PostJson("/api/editor/tag-suggestions", body);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("\"slug\":\"osnabrueck\"", await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Editor_forms_without_an_antiforgery_token_are_refused()
    {
        using var app = new TestApp();
        var editor = await Editor.SignIn(app);

        var response = await editor.Client.PostAsync("/admin/posts?handler=Save", new FormUrlEncodedContent(Posts.Fields("Forged", "text")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await app.WithDb(db => Task.FromResult(db.NewsPosts.Count(p => p.Title == "Forged"))));
    }

    [Fact]
    public async Task Sign_in_is_rate_limited_with_429_and_repeated_failures_lock_the_account()
    {
        using var app = new TestApp();
        await Editor.SignIn(app); // creates the account
        var visitor = Editor.Anonymous(app);
        var statuses = new List<HttpStatusCode>();
        string? lastPage = null;
        for (var attempt = 0; attempt < 12; attempt++)
        {
            var response = await visitor.PostForm("/account/login", new() { ["Input.Email"] = "editor@example.org", ["Input.Password"] = "wrong password!" });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.OK)
                lastPage = await response.Content.ReadAsStringAsync();
        }

        Assert.Contains("locked", lastPage);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses.Last());
        // 10 attempts a minute from one address, then 429: the sign-in that created the account was the first.
        Assert.Equal(9, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.All(statuses.Skip(9), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }

    [Fact]
    public async Task Signing_in_and_failing_to_does_not_rebuild_the_public_city_layer()
    {
        using var app = new TestApp();
        await Editor.SignIn(app);
        var version = app.Services.GetRequiredService<MovingCities.Web.Data.DataVersion>();
        var before = version.Current;

        await Editor.SignIn(app);
        await Editor.Anonymous(app).PostForm("/account/login", new() { ["Input.Email"] = "editor@example.org", ["Input.Password"] = "wrong password!" });

        Assert.Equal(before, version.Current);
    }

    [Fact]
    public async Task The_sign_in_cookie_is_http_only_and_same_site_strict()
    {
        using var app = new TestApp();
        await Editor.SignIn(app);
        var visitor = Editor.Anonymous(app);

        var response = await visitor.PostForm("/account/login", new() { ["Input.Email"] = "editor@example.org", ["Input.Password"] = Editor.Password });

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("movingcities.editor=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Outside_development_signing_in_needs_https_and_its_cookies_are_secure()
    {
        using var production = new TestApp().WithWebHostBuilder(b => b.UseEnvironment("Production"));

        var overHttp = await production.CreateClient(new() { BaseAddress = new Uri("http://localhost") }).GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.Forbidden, overHttp.StatusCode);
        Assert.Contains("need HTTPS", await overHttp.Content.ReadAsStringAsync());

        var overHttps = await production.CreateClient(new() { BaseAddress = new Uri("https://localhost") }).GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, overHttps.StatusCode);
        Assert.Contains("secure", overHttps.Headers.GetValues("Set-Cookie").Single(), StringComparison.OrdinalIgnoreCase);
        var signIn = production.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<
            Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>>().Get(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme);
        Assert.Equal(Microsoft.AspNetCore.Http.CookieSecurePolicy.Always, signIn.Cookie.SecurePolicy);

        // The public site stays readable over plain HTTP.
        Assert.Equal(HttpStatusCode.OK, (await production.CreateClient(new() { BaseAddress = new Uri("http://localhost") }).GetAsync("/cities/konstanz")).StatusCode);
    }
}
