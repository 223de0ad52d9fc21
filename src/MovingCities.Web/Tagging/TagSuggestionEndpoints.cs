using Microsoft.AspNetCore.Http.HttpResults;
using MovingCities.Web.Editors;

namespace MovingCities.Web.Tagging;

public static class TagSuggestionEndpoints
{
    /// <summary>
    /// The editor sends a post's title, summary and text together: room for the longest of each (News/PostLimits)
    /// and the line breaks between them, so a post the form accepts always gets suggestions.
    /// </summary>
    public const int MaxTextLength = News.PostLimits.MaxTextCharacters + News.PostLimits.MaxTitleLength + News.PostLimits.MaxSummaryLength + 16;

    public static IEndpointRouteBuilder MapEditorApi(this IEndpointRouteBuilder routes)
    {
        var editor = routes.MapGroup("/api/editor").WithTags("Editors").RequireEditorWithAntiforgery();

        editor.MapPost("/tag-suggestions", SuggestTags)
            .WithName(nameof(SuggestTags))
            .WithSummary("The cities a post's text mentions, with the words that matched (editors only)")
            .WithDescription("Body: { \"text\": \"…\" }. Each suggestion names a city on the map (slug) or a gazetteer place not yet on it (slug null, with its position). Uncertain ones carry a doubt.")
            .ProducesValidationProblem();

        return routes;
    }

    public sealed record SuggestionRequest(string? Text);

    public sealed record SuggestionResponse(IReadOnlyList<TagSuggestion> Suggestions);

    public static async Task<Results<Ok<SuggestionResponse>, ValidationProblem>> SuggestTags(
        SuggestionRequest request, TagSuggestions suggestions, CancellationToken cancellationToken)
    {
        if (request.Text is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = ["Send the post's text as \"text\"."] });
        if (request.Text.Length > MaxTextLength)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = [Text.TextLengthAttribute.Problem(MaxTextLength).English] });
        var suggester = await suggestions.GetAsync(cancellationToken);
        return TypedResults.Ok(new SuggestionResponse(suggester.Suggest(request.Text)));
    }
}
