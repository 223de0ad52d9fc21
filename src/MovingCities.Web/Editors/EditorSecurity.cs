using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using MovingCities.Web.Data;

namespace MovingCities.Web.Editors;

/// <summary>Accounts, sign-in cookie, lockout, login rate limit and the editing policy, in one place.</summary>
/// <remarks>
/// The login rate limit is counted per instance: behind a load balancer with n instances an address may try up to
/// n × <see cref="LoginAttemptsPerWindow"/> times a minute; the lockout, kept in the database, still stops a guesser.
/// </remarks>
public static class EditorSecurity
{
    public const string LoginRateLimit = "login";
    public const string LoginPath = "/account/login";
    /// <summary>The sign-in cookie: a request carrying it never gets or leaves a page in the public page cache.</summary>
    public const string CookieName = "movingcities.editor";

    /// <summary>Sign-in attempts one address may make per <see cref="LoginWindow"/> before getting 429.</summary>
    public const int LoginAttemptsPerWindow = 10;
    public static readonly TimeSpan LoginWindow = TimeSpan.FromMinutes(1);

    /// <summary>Wrong passwords in a row that lock an account, and for how long.</summary>
    public const int LockoutAttempts = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>Shared by every instance, so one instance's cookie or form token is read by all the others.</summary>
    public const string DataProtectionApplication = "MovingCities";

    public static IServiceCollection AddEditorAccounts(this IServiceCollection services, IHostEnvironment environment)
    {
        // Keys in the database, not in one machine's home folder: sign-ins survive restarts and redeploys and work on
        // every instance. DatabaseInitializer makes the first key while it holds the migration lock, so instances
        // started together do not each make their own.
        services.AddDataProtection()
            .SetApplicationName(DataProtectionApplication)
            .PersistKeysToDbContext<MovingCitiesDb>();

        services.AddIdentity<IdentityUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireDigit = false; // length makes a passphrase strong, not a forced digit
                options.Lockout.MaxFailedAccessAttempts = LockoutAttempts;
                options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<MovingCitiesDb>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = LoginPath;
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/denied";
            options.Cookie.Name = CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            // Secure everywhere but a developer's plain-http localhost.
            options.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
        });
        services.AddAntiforgery(options =>
        {
            options.HeaderName = "RequestVerificationToken";
            options.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(EditorRoles.EditingPolicy, policy => policy.RequireRole(EditorRoles.Editor, EditorRoles.Admin));

        // Guessing passwords: a few sign-in attempts per minute per address, then 429 (lockout covers one account).
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Tells people and scripts when to come back; the status-code page (/error/429) shows it in words.
            options.OnRejected = (context, _) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : LoginWindow;
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            options.AddPolicy(LoginRateLimit, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = LoginAttemptsPerWindow, Window = LoginWindow, QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("reading"));
        });
        return services;
    }

    /// <summary>
    /// Outside development, signing in and editing only over HTTPS: the cookies are Secure, so over plain HTTP
    /// they would never come back. Such requests are redirected to HTTPS when its port is known, else refused
    /// with a page that says why. Behind a reverse proxy the X-Forwarded-Proto header (from loopback) counts: see
    /// <c>UseForwardedHeaders</c> in Program.cs.
    /// </summary>
    public static IApplicationBuilder UseEditorsOnlyOverHttps(this IApplicationBuilder app, IHostEnvironment environment)
    {
        if (environment.IsDevelopment())
            return app;
        var httpsPort = app.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<HttpsPortOptions>>().Value.Port;
        return app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (context.Request.IsHttps || !(path.StartsWithSegments("/account") || path.StartsWithSegments("/admin") || path.StartsWithSegments("/api/editor")))
            {
                await next(context);
                return;
            }
            if (httpsPort is { } port && HttpMethods.IsGet(context.Request.Method))
            {
                var host = new HostString(context.Request.Host.Host, port);
                context.Response.Redirect($"https://{host}{context.Request.PathBase}{path}{context.Request.QueryString}", permanent: false);
                return;
            }
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("Signing in and editing need HTTPS: open this address with https://, or run the app with an HTTPS endpoint (or behind a proxy that sends X-Forwarded-Proto).");
        });
    }

    /// <summary>
    /// Editor API calls ride on the sign-in cookie, so they need the antiforgery token too (sent by the editor
    /// pages' scripts in the RequestVerificationToken header); without it a foreign page could post in an
    /// editor's name.
    /// </summary>
    public static RouteGroupBuilder RequireEditorWithAntiforgery(this RouteGroupBuilder group) =>
        group.RequireAuthorization(EditorRoles.EditingPolicy).AddEndpointFilter(async (context, next) =>
        {
            var antiforgery = context.HttpContext.RequestServices.GetRequiredService<IAntiforgery>();
            if (!HttpMethods.IsGet(context.HttpContext.Request.Method) && !await antiforgery.IsRequestValidAsync(context.HttpContext))
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Missing or invalid antiforgery token",
                    detail: "Send the token from the editor page in the RequestVerificationToken header.");
            return await next(context);
        });
}
