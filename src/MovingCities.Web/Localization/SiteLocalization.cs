using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;
using MovingCities.Web.Resources;

namespace MovingCities.Web.Localization;

/// <summary>
/// Which language a request is answered in: the address's own (<c>/de/…</c>), else the visitor's earlier choice
/// (a cookie), else the browser's <c>Accept-Language</c>, else German. Addresses from before the site had
/// languages redirect to the chosen one.
/// </summary>
public static class SiteLocalization
{
    public static IServiceCollection AddSiteLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RouteOptions>(options => options.ConstraintMap[SiteLanguages.RouteKey] = typeof(LanguageRouteConstraint));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = SiteLanguages.All.Select(SiteLanguages.Culture).ToList();
            options.DefaultRequestCulture = new RequestCulture(SiteLanguages.Default);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
            [
                // An error page re-executed for /en/… speaks English: the address asked for counts, not /error/404.
                new CustomRequestCultureProvider(context => Task.FromResult(
                    SiteLanguages.OfPath(context.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath ?? context.Request.Path) is { } lang
                        ? new ProviderCultureResult(lang) : null)),
                new CustomRequestCultureProvider(context => Task.FromResult(
                    context.Request.Cookies[SiteLanguages.CookieName] is { } lang && SiteLanguages.IsSupported(lang) ? new ProviderCultureResult(lang) : null)),
                new AcceptLanguageHeaderRequestCultureProvider { MaximumAcceptLanguageHeaderValuesToTry = 5 },
            ];
        });
        return services;
    }

    /// <summary>
    /// Sets the request's culture, redirects the old addresses (<c>/</c>, <c>/cities/x</c>, <c>/about.html</c>…)
    /// to their page in the chosen language, and remembers the language of a page someone reads.
    /// </summary>
    public static IApplicationBuilder UseSiteLocalization(this IApplicationBuilder app)
    {
        app.UseRequestLocalization();
        app.Use(ChooseLanguage);
        return app;
    }

    static Task ChooseLanguage(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var inAddress = SiteLanguages.OfPath(request.Path);
        if (inAddress is null)
        {
            if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && Addresses.Unprefixed(request.Path) is { } rest)
            {
                // The answer depends on the cookie and the header: caches must keep one per combination.
                context.Response.Headers.Vary = new([HeaderNames.Cookie, HeaderNames.AcceptLanguage]);
                context.Response.Headers.CacheControl = "private, no-cache";
                context.Response.Redirect($"/{SiteLanguages.Current}{rest}{request.QueryString}");
                return Task.CompletedTask;
            }
        }
        else if (request.Cookies[SiteLanguages.CookieName] != inAddress && !request.Path.Value!.EndsWith(".atom", StringComparison.Ordinal))
        {
            // Added as the response starts, after the page cache (Http/PageCache) has copied the headers: a stored
            // page must not carry one reader's cookie, and every reader still gets theirs.
            context.Response.OnStarting(() =>
            {
                Remember(context.Response, inAddress);
                return Task.CompletedTask;
            });
        }
        return next(context);
    }

    /// <summary>The language a person last read in answers their next visit to <c>/</c>.</summary>
    public static void Remember(HttpResponse response, string lang) =>
        response.Cookies.Append(SiteLanguages.CookieName, lang, new CookieOptions
        {
            Path = "/",
            MaxAge = TimeSpan.FromDays(365),
            SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax,
            HttpOnly = true,
            IsEssential = true,
            Secure = response.HttpContext.Request.IsHttps,
        });

    /// <summary>
    /// The switch on pages without a language in their address (the editor area, sign-in): remembers the choice and
    /// goes back to the page, now in that language.
    /// </summary>
    public static IEndpointRouteBuilder MapLanguageSwitch(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/language/{lang:lang}", (string lang, string? back, HttpContext context) =>
        {
            Remember(context.Response, lang);
            var target = back is { Length: > 0 } && back[0] == '/' && !back.StartsWith("//", StringComparison.Ordinal) && !back.StartsWith("/\\", StringComparison.Ordinal)
                ? back : Addresses.Map(lang);
            return Results.LocalRedirect(SiteLanguages.OfPath(new PathString(target.Split('?')[0])) is null ? target : Addresses.InLanguage(lang, new PathString(target)));
        }).ExcludeFromDescription();
        return routes;
    }
}
