using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using MovingCities.Tests.Infrastructure;
using MovingCities.Web.News;

namespace MovingCities.Tests.Api;

public abstract class CachingTests<TDatabase> where TDatabase : ITestDatabase
{
    [Theory]
    [InlineData("/api/cities")]
    [InlineData("/api/cities?country=DE")]
    [InlineData("/api/cities/konstanz")]
    [InlineData("/api/commitment-types")]
    [InlineData("/api/news")]
    [InlineData("/api/news/tageskonferenz-kommunen-als-sichere-haefen")]
    public async Task A_matching_if_none_match_gets_304_without_a_body(string url)
    {
        using var app = TestApp.On<TDatabase>();
        var first = await app.Get(url);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.True(first.Headers.CacheControl?.NoCache);

        var second = await app.Get(url, h => h.IfNoneMatch.Add(etag));
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());

        var stale = await app.Get(url, h => h.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\"")));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task The_city_layer_is_compressed_and_decompresses_to_the_same_bytes(string encoding)
    {
        using var app = TestApp.On<TDatabase>();
        var plain = await (await app.Get("/api/cities")).Content.ReadAsByteArrayAsync();
        var compressed = await app.Get("/api/cities", h => h.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding)));

        Assert.Equal(encoding, compressed.Content.Headers.ContentEncoding.Single());
        Assert.Contains("Accept-Encoding", compressed.Headers.Vary);
        var bytes = await compressed.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.Length < plain.Length / 2, $"{encoding}: {bytes.Length} bytes of {plain.Length}");
        using var input = new MemoryStream(bytes);
        using Stream decompressor = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decompressor.CopyTo(output);
        Assert.Equal(plain, output.ToArray());

        // Each encoding has its own strong tag, and any of them revalidates the data.
        Assert.NotEqual((await app.Get("/api/cities")).Headers.ETag, compressed.Headers.ETag);
        var revalidated = await app.Get("/api/cities", h => h.IfNoneMatch.Add(compressed.Headers.ETag!));
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }

    [Fact]
    public async Task The_etag_depends_on_the_data_only_so_it_survives_restarts()
    {
        var database = TestApp.NewDatabase(TDatabase.Provider);
        EntityTagHeaderValue? before;
        using (var app = TestApp.On<TDatabase>(database))
            before = (await app.Get("/api/cities")).Headers.ETag;
        using (var restarted = TestApp.On<TDatabase>(database))
            Assert.Equal(before, (await restarted.Get("/api/cities")).Headers.ETag);
        using (var elsewhere = TestApp.On<TDatabase>())
            Assert.Equal(before, (await elsewhere.Get("/api/cities")).Headers.ETag);
    }

    [Fact]
    public async Task Publishing_news_changes_the_city_layer_and_its_etag()
    {
        using var app = TestApp.On<TDatabase>();
        var before = await app.Get("/api/cities");
        await app.WithDb(async db =>
        {
            db.NewsPosts.Add(new NewsPost
            {
                Slug = "new-post", Title = "New", Language = "en", PublishedAt = new DateOnly(2026, 1, 1),
                Status = NewsStatus.Published, Cities = [await db.Cities.SingleAsync(c => c.Slug == "konstanz")],
            });
            await db.SaveChangesAsync();
        });

        var after = await app.Get("/api/cities", h => h.IfNoneMatch.Add(before.Headers.ETag!));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        var konstanz = (await app.GetJson("/api/cities")).GetProperty("features").EnumerateArray()
            .Single(f => f.GetProperty("id").GetString() == "konstanz");
        Assert.Equal(2, konstanz.GetProperty("properties").GetProperty("newsCount").GetInt32());
    }
}

public sealed class CachingTestsOnSqlite : CachingTests<OnSqlite>;
public sealed class CachingTestsOnPostgres : CachingTests<OnPostgres>;
