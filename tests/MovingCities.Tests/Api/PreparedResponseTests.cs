using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using MovingCities.Tests.Infrastructure;

namespace MovingCities.Tests.Api;

/// <summary>
/// What is prepared per data version is answered from memory: revalidations and repeated requests of the city layer,
/// its filters and the commitment-type catalogue send no SQL until a saved change makes a new version.
/// </summary>
public class PreparedResponseTests
{
    static async Task<HttpResponseMessage> Get(TestApp app, string url, EntityTagHeaderValue? ifNoneMatch = null) =>
        await app.Get(url, h => { if (ifNoneMatch is not null) h.IfNoneMatch.Add(ifNoneMatch); });

    [Theory]
    [InlineData("/api/cities")]
    [InlineData("/api/cities?commitment=safe-harbour-declaration")]
    [InlineData("/api/cities?country=DE&status=decided")]
    [InlineData("/api/commitment-types")]
    public async Task A_revalidation_gets_304_without_the_database(string url)
    {
        using var app = new TestApp();
        var first = await Get(app, url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        HttpResponseMessage? revalidated = null;
        var commands = await app.Commands.During(async () => revalidated = await Get(app, url, first.Headers.ETag));

        Assert.Empty(commands);
        Assert.Equal(HttpStatusCode.NotModified, revalidated!.StatusCode);
    }

    [Fact]
    public async Task The_catalogue_is_read_once_per_data_version()
    {
        using var app = new TestApp();
        var first = await app.GetJson("/api/commitment-types");
        Assert.Empty(await app.Commands.During(() => app.GetJson("/api/commitment-types")));

        await app.WithDb(async db =>
        {
            var type = await db.CommitmentTypes.SingleAsync(t => t.Key == "safe-harbour-declaration");
            type.TitleEn = "Safe harbour, declared";
            await db.SaveChangesAsync();
        });

        System.Text.Json.JsonElement after = default;
        var reads = await app.Commands.During(async () => after = await app.GetJson("/api/commitment-types"));
        Assert.NotEmpty(reads);
        Assert.Contains(after.EnumerateArray(), t => t.GetProperty("title").GetProperty("en").GetString() == "Safe harbour, declared");
        Assert.Empty(await app.Commands.During(() => app.GetJson("/api/commitment-types")));
    }
}
