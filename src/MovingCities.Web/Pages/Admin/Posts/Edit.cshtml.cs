using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MovingCities.Web.Data;
using MovingCities.Web.Editors;
using MovingCities.Web.History;
using MovingCities.Web.Http;
using MovingCities.Web.Localization;
using MovingCities.Web.News;
using MovingCities.Web.Resources;
using MovingCities.Web.Tagging;
using MovingCities.Web.Text;

namespace MovingCities.Web.Pages.Admin.Posts;

/// <summary>Writing a post: create, edit, tag cities, publish and unpublish; refuses to overwrite a newer version.</summary>
/// <remarks>
/// Publishing (or saving a published post) first runs the tag suggester over title, summary and text: cities on the
/// map it is certain of that are not tagged hold the post back, and the form comes again naming them, with "tag and
/// publish" (<c>alsoTag</c>) and "publish without them" (<c>publishWithout</c>, the slugs the editor confirmed).
/// </remarks>
public sealed class EditModel(MovingCitiesDb db, IStringLocalizer<EditorText> text, TagSuggestions suggestions, EditorTime time) : PageModel
{
    /// <summary>The post's fields; labels and messages are keys of <c>Resources/EditorText*.resx</c>.</summary>
    public sealed class PostForm
    {
        [Required(ErrorMessage = "Validation.Required"), StringLength(PostLimits.MaxTitleLength, ErrorMessage = "Validation.StringLength"), Display(Name = "Post.Title")]
        public string Title { get; set; } = "";

        [StringLength(PostLimits.MaxSlugLength, ErrorMessage = "Validation.StringLength"), RegularExpression(Text.Slug.Pattern, ErrorMessage = Text.Slug.HintKey)]
        [Display(Name = "Post.Slug")]
        public string? Slug { get; set; }

        [StringLength(PostLimits.MaxSummaryLength, ErrorMessage = "Validation.StringLength"), Display(Name = "Post.Summary")]
        public string? Summary { get; set; }

        [Display(Name = "Post.Body")]
        public string Body { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required"), RegularExpression(PostLimits.LanguagePattern, ErrorMessage = "Validation.Language"), Display(Name = "Post.Language")]
        public string Language { get; set; } = "de";

        [StringLength(PostLimits.MaxSlugLength, ErrorMessage = "Validation.StringLength"), RegularExpression(Text.Slug.Pattern, ErrorMessage = Text.Slug.HintKey)]
        [Display(Name = "Post.Translation")]
        public string? Translation { get; set; }

        [Required(ErrorMessage = "Validation.Required"), Display(Name = "Post.PublishedAt")]
        public DateOnly PublishedAt { get; set; } = DateOnly.FromDateTime(DateTime.UtcNow);

        [HttpUrl, StringLength(PostLimits.MaxSourceUrlLength, ErrorMessage = "Validation.StringLength"), Display(Name = "Post.SourceUrl")]
        public string? SourceUrl { get; set; }

        /// <summary>Slugs of the tagged cities (the tag field keeps one hidden input per city).</summary>
        public List<string> Cities { get; set; } = [];

        /// <summary>The version the form was loaded from.</summary>
        public int Version { get; set; }
    }

    [BindProperty]
    public PostForm Input { get; set; } = new();

    public int? Id { get; private set; }
    public NewsStatus Status { get; private set; } = NewsStatus.Draft;
    public string? SavedMessage { get; private set; }

    /// <summary>Set when a save was refused because someone saved a newer version meanwhile.</summary>
    public PostSnapshot? Conflict { get; private set; }
    public string? ConflictEditor { get; private set; }

    /// <summary>
    /// Set when publishing was held back: cities on the map the text surely mentions but the post is not tagged with
    /// (and the editor has not confirmed leaving untagged), in order of first mention.
    /// </summary>
    public IReadOnlyList<TagSuggestion> Untagged { get; private set; } = [];

    /// <summary>The handler the held-back publishing came through (Publish, or Save of a published post): the notice's buttons repeat it.</summary>
    public string HeldHandler { get; private set; } = "Publish";

    /// <summary>Names of the tagged cities, for the tag chips.</summary>
    public Dictionary<string, string> CityNames { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        Id = id;
        if (id is null)
            return Page();
        var post = await LoadAsync(id.Value);
        if (post is null)
            return NotFound();
        Status = post.Status;
        Input = new PostForm
        {
            Title = post.Title, Slug = post.Slug, Summary = post.Summary, Body = post.Body, Language = post.Language,
            Translation = post.TranslationSlug, PublishedAt = post.PublishedAt, SourceUrl = post.SourceUrl, Cities = post.Cities.Select(c => c.Slug).ToList(),
            Version = post.Version,
        };
        SavedMessage = TempData["Saved"] as string;
        CityNames = post.Cities.ToDictionary(c => c.Slug, c => c.Name);
        return Page();
    }

    /// <param name="alsoTag">Slugs (space-separated) to tag before saving: the notice's "tag and publish".</param>
    /// <param name="publishWithout">Slugs (space-separated) the editor confirmed to leave untagged: the notice's "publish without them".</param>
    public Task<IActionResult> OnPostSaveAsync(int? id, string? alsoTag, string? publishWithout) => SaveAsync(id, status: null, alsoTag, publishWithout);

    /// <inheritdoc cref="OnPostSaveAsync"/>
    public Task<IActionResult> OnPostPublishAsync(int? id, string? alsoTag, string? publishWithout) => SaveAsync(id, NewsStatus.Published, alsoTag, publishWithout);

    public Task<IActionResult> OnPostUnpublishAsync(int? id) => SaveAsync(id, NewsStatus.Draft, null, null);

    static string[] Slugs(string? list) => (list ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    async Task<IActionResult> SaveAsync(int? id, NewsStatus? status, string? alsoTag, string? publishWithout)
    {
        Id = id;
        var post = id is null ? null : await LoadAsync(id.Value);
        if (id is not null && post is null)
            return NotFound();
        Status = post?.Status ?? NewsStatus.Draft;

        Input.Cities = Input.Cities.Concat(Slugs(alsoTag)).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim().ToLowerInvariant()).Distinct().ToList();
        Input.Title ??= ""; // a blank field binds as null; [Required] has already said so
        var slug = string.IsNullOrWhiteSpace(Input.Slug) ? Text.Slug.From(Input.Title) : Input.Slug.Trim();
        if (string.IsNullOrEmpty(slug) && !string.IsNullOrWhiteSpace(Input.Title))
            ModelState.AddModelError("Input.Slug", text["Post.Slug.NoLetters"]);
        else if (string.IsNullOrEmpty(slug))
            ModelState.AddModelError("Input.Slug", text["Post.Slug.Missing"]);
        else if (await db.NewsPosts.AnyAsync(p => p.Slug == slug && p.Id != (id ?? 0)))
            SlugTaken(slug);
        var translation = string.IsNullOrWhiteSpace(Input.Translation) ? null : Input.Translation.Trim().ToLowerInvariant();
        if (translation is not null && ModelState.GetFieldValidationState("Input.Translation") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            var other = await db.NewsPosts.Where(p => p.Slug == translation).Select(p => new { p.Id, p.Language }).FirstOrDefaultAsync();
            if (translation == slug || other is not null && other.Id == id)
                ModelState.AddModelError("Input.Translation", text["Post.Translation.Self"]);
            else if (other is null)
                ModelState.AddModelError("Input.Translation", text["Post.Translation.Missing", $"/news/{translation}"]);
            else if (other.Language == Input.Language)
                ModelState.AddModelError("Input.Translation", text["Post.Translation.SameLanguage", $"/news/{translation}"]);
        }
        var cities = await db.Cities.Where(c => Input.Cities.Contains(c.Slug)).ToListAsync();
        foreach (var missing in Input.Cities.Except(cities.Select(c => c.Slug)))
            ModelState.AddModelError("Input.Cities", text["Post.UnknownCity", missing]);
        if (PostLimits.TextTooLong(Input.Body) is { } tooLong)
            ModelState.AddModelError("Input.Body", tooLong.InCurrentLanguage());
        if ((status ?? Status) == NewsStatus.Published && NewsPost.CannotPublish(Input.Body) is { } cannotPublish)
            ModelState.AddModelError("Input.Body", cannotPublish.InCurrentLanguage());
        CityNames = cities.ToDictionary(c => c.Slug, c => c.Name);
        if (!ModelState.IsValid)
            return Page();

        if (post is not null && post.Version != Input.Version)
            return await RefuseAsync(post);

        if ((status ?? Status) == NewsStatus.Published)
        {
            var confirmed = Slugs(publishWithout).Select(s => s.ToLowerInvariant()).ToHashSet();
            // What the live version already mentions untagged was decided when it went live: not asked again.
            if (post is { Status: NewsStatus.Published })
                confirmed.UnionWith((await UntaggedMentionsAsync(post.Title, post.Summary, post.Body, post.Cities.Select(c => c.Slug))).Select(s => s.Slug!));
            Untagged = (await UntaggedMentionsAsync(Input.Title, Input.Summary, Input.Body, Input.Cities)).Where(s => !confirmed.Contains(s.Slug!)).ToList();
            if (Untagged.Count > 0)
            {
                HeldHandler = status == NewsStatus.Published ? "Publish" : "Save";
                return Page();
            }
        }

        var before = post is null ? null : PostSnapshot.Of(post);
        post ??= db.NewsPosts.Add(new NewsPost { Slug = slug, Title = Input.Title, Language = Input.Language }).Entity;
        post.Slug = slug;
        post.Title = Input.Title.Trim();
        post.Summary = string.IsNullOrWhiteSpace(Input.Summary) ? null : Input.Summary.Trim();
        post.Body = Input.Body;
        post.Language = Input.Language;
        post.TranslationSlug = translation;
        post.PublishedAt = Input.PublishedAt;
        post.SourceUrl = string.IsNullOrWhiteSpace(Input.SourceUrl) ? null : Input.SourceUrl.Trim();
        post.Cities = cities;
        var published = status == NewsStatus.Published && post.Publish();
        var unpublished = status == NewsStatus.Draft && post.Unpublish();

        var action = before is null ? "created" : published ? "published" : unpublished ? "unpublished" : "updated";
        var outcome = await VersionedSave.TrySaveAsync(db, post, before is null ? 0 : Input.Version, () =>
            HistoryLog.Record(db, ChangeSubjects.Post, post.Id, post.Title, action, User.Identity!.Name!, before, PostSnapshot.Of(post)));
        if (outcome == SaveOutcome.Stale)
            return await LoadAsync(post.Id) is { } current ? await RefuseAsync(current) : NotFound();
        if (outcome == SaveOutcome.Taken)
        {
            // Another post took the slug after the check above: the answer that check would have given.
            SlugTaken(slug);
            return Page();
        }
        TempData["Saved"] = action switch
        {
            "published" => text["Post.Published", Addresses.Post(SiteLanguages.Current, post.Slug)].Value,
            "unpublished" => text["Post.Unpublished"].Value,
            _ => text["Post.Saved"].Value,
        };
        return RedirectToPage(new { id = post.Id });
    }

    /// <summary>Cities on the map the suggester is certain the text mentions, but which are not among <paramref name="tagged"/>.</summary>
    async Task<List<TagSuggestion>> UntaggedMentionsAsync(string? title, string? summary, string? body, IEnumerable<string> tagged)
    {
        var suggester = await suggestions.GetAsync(HttpContext.RequestAborted);
        var taggedSlugs = tagged.ToHashSet();
        return suggester.Suggest(string.Join('\n', title, summary, body))
            .Where(s => s.Certain && s.Slug is not null && !taggedSlugs.Contains(s.Slug))
            .DistinctBy(s => s.Slug).ToList();
    }

    void SlugTaken(string slug) =>
        ModelState.AddModelError("Input.Slug", text["Post.Slug.Taken", $"/news/{slug}"]);

    /// <summary>Not saved because someone saved a newer version: both are shown, the editor's own text stays in the form.</summary>
    async Task<IActionResult> RefuseAsync(NewsPost current)
    {
        Status = current.Status;
        Conflict = PostSnapshot.Of(current);
        ConflictEditor = (await db.Changes.AsNoTracking().Where(c => c.Subject == ChangeSubjects.Post && c.SubjectId == current.Id)
            .OrderByDescending(c => c.Id).FirstOrDefaultAsync()) is { } last ? time.Who(last, SiteLanguages.Current) : null;
        Input.Version = current.Version;
        ModelState.Remove("Input.Version"); // the form must now carry the version just shown, not the posted one
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    Task<NewsPost?> LoadAsync(int id) => db.NewsPosts.Include(p => p.Cities).FirstOrDefaultAsync(p => p.Id == id);
}
