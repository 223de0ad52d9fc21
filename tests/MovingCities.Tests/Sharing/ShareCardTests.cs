using System.Buffers.Binary;
using System.Net;
using Microsoft.EntityFrameworkCore;
using MovingCities.Tests.Infrastructure;
using MovingCities.Web.Sharing;

namespace MovingCities.Tests.Sharing;

/// <summary>The share cards as a social network fetches them: PNGs of the right size, per language, cached by content.</summary>
public sealed class ShareCardTests : IDisposable
{
    static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    // Cards are edited below: a host of its own.
    readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    static (int Width, int Height) PngSize(byte[] png) =>
        // IHDR is the first chunk: width and height big-endian at bytes 16 and 20.
        (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));

    async Task<(byte[] Body, string ETag)> Card(string url)
    {
        var response = await _app.Get(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadAsByteArrayAsync(), response.Headers.ETag!.Tag);
    }

    [Theory]
    [InlineData("/de/cities/konstanz/card.png")]
    [InlineData("/en/cities/konstanz/card.png")]
    [InlineData("/de/card.png")]
    [InlineData("/en/card.png")]
    public async Task A_card_is_a_1200_by_630_png_under_300_kb(string url)
    {
        var (png, _) = await Card(url);
        Assert.Equal(PngSignature, png[..8]);
        Assert.Equal((1200, 630), PngSize(png));
        Assert.True(png.Length < 300 * 1024, $"{url} is {png.Length:N0} bytes");
    }

    [Fact]
    public async Task The_german_and_the_english_card_differ()
    {
        var german = await Card("/de/cities/konstanz/card.png");
        var english = await Card("/en/cities/konstanz/card.png");
        Assert.NotEqual(german.Body, english.Body);
        Assert.NotEqual(german.ETag, english.ETag);
    }

    [Fact]
    public async Task A_card_answers_its_own_etag_with_304()
    {
        var (_, etag) = await Card("/de/cities/konstanz/card.png");
        var again = await _app.Get("/de/cities/konstanz/card.png", headers => headers.IfNoneMatch.ParseAdd(etag));
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_card_changes_when_its_city_changes_and_only_then()
    {
        var before = await Card("/de/cities/konstanz/card.png");

        await _app.WithDb(async db =>
        {
            var bern = await db.Cities.SingleAsync(c => c.Slug == "bern");
            bern.Name = "Bern BE";
            await db.SaveChangesAsync();
        });
        var otherChanged = await Card("/de/cities/konstanz/card.png");
        Assert.Equal(before.ETag, otherChanged.ETag);

        await _app.WithDb(async db =>
        {
            var konstanz = await db.Cities.SingleAsync(c => c.Slug == "konstanz");
            konstanz.Name = "Konstanz am Bodensee";
            await db.SaveChangesAsync();
        });
        var changed = await Card("/de/cities/konstanz/card.png");
        Assert.NotEqual(before.ETag, changed.ETag);
        Assert.NotEqual(before.Body, changed.Body);
        var stale = await _app.Get("/de/cities/konstanz/card.png", headers => headers.IfNoneMatch.ParseAdd(before.ETag));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
    }

    [Fact]
    public async Task A_city_there_is_not_has_no_card()
    {
        var response = await _app.Get("/de/cities/nowhere-at-all/card.png");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType); // the site's 404 page, as outside /api everywhere
    }

    [Theory]
    [InlineData("Münster, Göttingen, Außerhalb: ÄÖÜ äöü ß")]
    [InlineData("Łódź, Gdańsk, Kraków, Île-de-France, Čačak, Αθήνα")]
    public void The_cards_font_writes_umlauts_sharp_s_and_the_letters_of_europes_city_names(string text) =>
        Assert.True(ShareCard.CanWrite(text));

    [Fact]
    public void The_cards_font_knows_it_has_no_glyph_for_what_it_cannot_write() =>
        Assert.False(ShareCard.CanWrite("東京"));
}
