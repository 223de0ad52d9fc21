using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using MovingCities.Web.Basemap;
using MovingCities.Web.Cities;
using MovingCities.Web.Cli;
using MovingCities.Web.Commitments;
using MovingCities.Web.Data;
using MovingCities.Web.Editors;
using MovingCities.Web.Feeds;
using MovingCities.Web.Geodata;
using MovingCities.Web.Http;
using MovingCities.Web.Localization;
using MovingCities.Web.Pages.Admin;
using MovingCities.Web.News;
using MovingCities.Web.Statistics;
using MovingCities.Web.Sharing;
using MovingCities.Web.OpenData;
using MovingCities.Web.Tagging;

var builder = WebApplication.CreateBuilder(Commands.HostArguments(args));

// The database: an embedded SQLite file (default) or PostgreSQL/PostGIS (Database:Provider, ConnectionStrings:MovingCities);
// every public change bumps DataVersion so prepared responses rebuild, here at once and in every other process soon after
builder.Services.AddDatabase(builder.Configuration);

// Settings bound and checked at start: a wrong folder, file, tile URL or port stops start-up naming the setting
builder.Services.AddOptions<GeodataOptions>().BindConfiguration(GeodataOptions.Section).ValidateOnStart();
builder.Services.AddSingleton<IValidateOptions<GeodataOptions>, GeodataOptions.Validator>();
builder.Services.AddOptions<GazetteerOptions>().BindConfiguration(GazetteerOptions.Section).ValidateOnStart();
builder.Services.AddSingleton<IValidateOptions<GazetteerOptions>, GazetteerOptions.Validator>();
builder.Services.AddOptions<BasemapOptions>().BindConfiguration(BasemapOptions.Section).ValidateOnStart();
builder.Services.AddSingleton<IValidateOptions<BasemapOptions>, BasemapOptions.Validator>();
builder.Services.AddOptions<HttpsPortOptions>().Configure<IConfiguration>((options, configuration) => options.Value = configuration[HttpsPortOptions.Key]).ValidateOnStart();
builder.Services.AddSingleton<IValidateOptions<HttpsPortOptions>, HttpsPortOptions.Validator>();
builder.Services.AddOptions<EditorTimeOptions>().BindConfiguration(EditorTimeOptions.Section).ValidateOnStart();
builder.Services.AddSingleton<IValidateOptions<EditorTimeOptions>, EditorTimeOptions.Validator>();

// Migrations and the geodata/ seed run before the server takes requests
builder.Services.AddScoped<GeodataImport>();
builder.Services.AddScoped<GeodataExport>();
builder.Services.AddHostedService<DatabaseInitializer>();
builder.Services.AddHostedService<DataVersionWatcher>();

// Feature services
builder.Services.AddSingleton<CityLayer>();
builder.Services.AddSingleton<CommitmentCatalogue>();
builder.Services.AddSingleton<SiteStatistics>();
builder.Services.AddSingleton<NextSteps>();
builder.Services.AddSingleton<DataAsOf>();
builder.Services.AddSingleton<MarkdownRenderer>();
builder.Services.AddSingleton<CountryOutlines>();
builder.Services.AddSingleton<MovingCities.Web.Print.OutlineMap>();
builder.Services.AddSingleton<GazetteerSource>();
builder.Services.AddSingleton<TagSuggestions>();
builder.Services.AddSingleton<EditorTime>();
builder.Services.AddSingleton<MovingCities.Web.Proposals.ProposalLimiter>();
// Share cards, drawn once per city, language and data version
builder.Services.AddSingleton<ShareCards>();
// Open data: OGC API – Features at /ogc (its own OpenAPI document) and the download files, prepared per data version
builder.Services.AddOpenData();

// Editors: Identity accounts in the same database, cookie sign-in, lockout, rate-limited login, antiforgery
builder.Services.AddEditorAccounts(builder.Environment);

// German and English: /de/… and /en/… addresses, texts from Resources/*.resx, old addresses redirect by choice
builder.Services.AddSiteLocalization();

// Server-rendered pages for cities and news (readable without JavaScript); everything under /Admin needs an editor.
// Labels and validation messages are text keys: the editor area's forms read Resources/EditorText*.resx, the others
// Resources/Strings*.resx. Forms are read as browsers send them (47.66, 2026-11-30), whatever the page's language.
builder.Services.AddRazorPages(options => options.Conventions.AuthorizeFolder("/Admin", EditorRoles.EditingPolicy))
    .AddMvcOptions(options =>
    {
        InvariantForms.Use(options.ValueProviderFactories);
        EditorArea.SayBindingProblems(options.ModelBindingMessageProvider);
    })
    .AddDataAnnotationsLocalization(options => options.DataAnnotationLocalizerProvider = (type, factory) =>
        factory.Create(EditorArea.Owns(type) ? typeof(MovingCities.Web.Resources.EditorText) : typeof(MovingCities.Web.Resources.Strings)));
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
    options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));

// Errors as RFC 9457 problem details for the API and error pages for people, alike in every environment
builder.Services.AddErrorResponses();

// Public pages kept rendered and compressed per data version for readers who are not signed in (Http/PageCache)
builder.Services.AddPageCache();

// Compression for what is not precompressed
builder.Services.AddResponseCompression(options =>
{
    options.Providers.Add<BrotliCompressionProvider>();
    options.Providers.Add<GzipCompressionProvider>();
    options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/geo+json", "application/problem+json"]);
});

// OpenAPI document at /openapi/v1.json and a health endpoint that checks the database
builder.Services.AddOpenApi();
builder.Services.AddHealthChecks().AddDbContextCheck<MovingCitiesDb>();

var app = builder.Build();

// `import`, `export`: maintenance commands instead of the web server
if (Commands.Requested(args))
    return await Commands.RunAsync(app, args);

// Behind a reverse proxy (on loopback), X-Forwarded-For and -Proto say who asked and whether over HTTPS, for the whole app
app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });
// CSP without inline scripts, nosniff and a referrer policy on every response; editing only over HTTPS
app.UseSecurityHeaders();
app.UseEditorsOnlyOverHttps(app.Environment);
// Empty error responses, failed requests and over-long addresses: problem details for the API, a helpful page for people
app.UseErrorResponses();
// The request's language (address, cookie, Accept-Language, German); old addresses redirect to a language
app.UseSiteLocalization();
// Larger bodies get 413 before anything reads them; the limit is the one posts need (News/PostLimits)
app.UseRequestBodyLimit(PostLimits.MaxRequestBytes);
// Routing after the status-code pages, so their re-executed request finds the error page's endpoint
app.UseRouting();
// Who is signed in: the page cache below asks
app.UseAuthentication();
// Public pages for readers who are not signed in, stored compressed per data version, with ETag and 304 (Http/PageCache)
app.UsePageCache();
// API responses come precompressed (Http/Representation) and cached pages by the page cache; the middleware compresses the rest
app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api") && !PageCache.Stores(context), branch => branch.UseResponseCompression());

// The repo-root wwwroot/ (index.html, js, css and the LibMan-restored lib/); hashed addresses cached for good, others revalidated
app.UseDefaultFiles();
app.UseCachedStaticFiles();

// What signed-in people may do, and the login rate limit
app.UseAuthorization();
app.UseRateLimiter();

app.MapOpenApi();
app.MapHealthChecks("/healthz");
app.MapCities();
app.MapPlaces();
app.MapCommitmentTypes();
app.MapNewsApi();
app.MapBasemap();
app.MapEditorApi();
app.MapFeeds();
// Counts of the whole map for the API and the statistics page, prepared per data version
app.MapStatistics();
// Share cards (PNG per city and language) and oEmbed, so shared links show a picture and paste as a map
app.MapSharing();
// OGC API – Features at /ogc and the download files
app.MapOpenData();
app.MapLanguageSwitch();
app.MapRazorPages();

app.Run();
return 0;

/// <summary>Exposed for WebApplicationFactory in the tests.</summary>
public partial class Program;
