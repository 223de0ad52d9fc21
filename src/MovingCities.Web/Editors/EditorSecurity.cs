using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using MovingCities.Web.Data;

namespace MovingCities.Web.Editors;

/// <summary>Accounts, sign-in cookie, lockout, login rate limit and the editing policy, in one place.</summary>
public static class EditorSecurity
{
    public const string LoginRateLimit = "login";
    public const string LoginPath = "/account/login";

    public static IServiceCollection AddEditorAccounts(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddIdentity<IdentityUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireDigit = false; // length makes a passphrase strong, not a forced digit
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<MovingCitiesDb>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = LoginPath;
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/denied";
            options.Cookie.Name = "movingcities.editor";
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

        // Guessing passwords: 10 sign-in attempts per minute per address, then 429 (lockout covers one account).
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(LoginRateLimit, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("reading"));
        });
        return services;
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
