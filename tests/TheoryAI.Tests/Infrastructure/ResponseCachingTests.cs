using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;

namespace TheoryAI.Tests.Infrastructure;

public sealed class ResponseCachingTests
{
    private static readonly HtmlParser Parser = new();
    private static readonly string[] Pages = ["/programme", "/talks/2", "/speakers"];

    /// <summary>Makes the stored snapshot and every cached view stale, as an edit would (through the write path).</summary>
    private static async Task BumpVersionAsync(SiteFactory site)
    {
        await using var db = site.CreateDb();
        var ev = await db.Events.SingleAsync();
        ev.Name += " ";
        await db.SaveChangesAsync();
        // Edits change the draft; the public views show it once it is published.
        await site.PublishAsync();
    }

    private static async Task<Dictionary<string, (int Rendered, int Cached)>> CountCommandsAsync(CountingSiteFactory site)
    {
        var client = site.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        var counts = new Dictionary<string, (int, int)>();
        foreach (var page in Pages)
        {
            await BumpVersionAsync(site);
            site.Commands.Reset();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(page)).StatusCode);
            var rendered = site.Commands.Count;
            site.Commands.Reset();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(page)).StatusCode);
            counts[page] = (rendered, site.Commands.Count);
        }
        return counts;
    }

    [Fact]
    public async Task Pages_send_the_same_few_queries_for_a_workshop_and_a_large_conference()
    {
        Dictionary<string, (int Rendered, int Cached)> workshop, conference;
        await using (var seeded = new CountingSiteFactory())
        {
            workshop = await CountCommandsAsync(seeded);
        }
        var largeSeed = LargeProgrammeSeed.Write(talks: 300, rooms: 12, speakers: 150);
        try
        {
            await using var large = new CountingSiteFactory(largeSeed);
            var client = large.CreateClient();
            var programme = Parser.ParseDocument(await client.GetStringAsync("/programme"));
            Assert.Equal(300, programme.QuerySelectorAll("li.entry").Length);
            conference = await CountCommandsAsync(large);
        }
        finally
        {
            File.Delete(largeSeed);
        }

        foreach (var page in Pages)
        {
            // A render after a change loads the snapshot once (one query per table); a repeat is served from memory,
            // with no query.
            Assert.InRange(workshop[page].Rendered, 1, 12);
            Assert.Equal(workshop[page].Rendered, conference[page].Rendered);
            Assert.InRange(workshop[page].Cached, 0, 1);
            Assert.InRange(conference[page].Cached, 0, 1);
        }
    }

    [Fact]
    public async Task A_change_to_the_programme_shows_at_once_despite_the_cache()
    {
        await using var site = new SiteFactory();
        var client = site.CreateClient();
        Assert.Contains("Scaling Limits for Learning", await client.GetStringAsync("/talks/2"));
        Assert.Contains("Scaling Limits for Learning", await client.GetStringAsync("/programme"));

        await using (var db = site.CreateDb())
        {
            var session = await db.Sessions.SingleAsync(s => s.Title == "Scaling Limits for Learning: Dynamics and Statics");
            session.Title = "Scaling Limits for Learning (revised)";
            await db.SaveChangesAsync();
            // Edits change the draft; the public views show it once it is published.
            await site.PublishAsync();
        }

        var talk = await client.GetStringAsync("/talks/2");
        Assert.Contains("Scaling Limits for Learning (revised)", talk);
        Assert.Contains("Scaling Limits for Learning (revised)", await client.GetStringAsync("/programme"));
    }

    [Fact]
    public async Task Pages_carry_an_ETag_and_answer_304_while_the_programme_is_unchanged()
    {
        await using var site = new SiteFactory();
        var client = site.CreateClient();
        var first = await client.GetAsync("/programme");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.Contains("no-cache", first.Headers.CacheControl?.ToString());

        var revalidate = new HttpRequestMessage(HttpMethod.Get, "/programme");
        revalidate.Headers.IfNoneMatch.Add(etag);
        var notModified = await client.SendAsync(revalidate);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, notModified.Headers.ETag);

        await BumpVersionAsync(site);
        var afterChange = new HttpRequestMessage(HttpMethod.Get, "/programme");
        afterChange.Headers.IfNoneMatch.Add(etag);
        var changed = await client.SendAsync(afterChange);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        Assert.Contains("Scaling Limits for Learning", await changed.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Pages_are_compressed_for_clients_that_accept_it(string encoding)
    {
        await using var site = new SiteFactory();
        var client = site.CreateClient();
        // Twice: the first render and the copy served from the cache must both arrive compressed.
        for (var i = 0; i < 2; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/programme");
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
            await using var body = await response.Content.ReadAsStreamAsync();
            await using Stream decompressed = encoding == "br"
                ? new BrotliStream(body, CompressionMode.Decompress)
                : new GZipStream(body, CompressionMode.Decompress);
            var html = await new StreamReader(decompressed).ReadToEndAsync();
            Assert.Contains("Scaling Limits for Learning", html);
        }
        // A client that accepts no encoding still gets plain HTML (not the cached compressed copy).
        var plain = await client.GetAsync("/programme");
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Contains("Scaling Limits for Learning", await plain.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_now_mark_moves_with_the_clock_on_a_cached_programme()
    {
        await using var site = new SiteFactory();
        var client = site.CreateClient();
        // 10:00 in Toronto (UTC-4) on the first day: Bordelon's talk runs.
        site.Clock.SetUtcNow(new DateTimeOffset(2025, 4, 9, 14, 0, 0, TimeSpan.Zero));
        for (var i = 0; i < 2; i++)
        {
            var page = Parser.ParseDocument(await client.GetStringAsync("/programme"));
            Assert.Contains("Scaling Limits for Learning", Assert.Single(page.QuerySelectorAll("li.entry--now")).TextContent);
        }
        // 11:10: Spekkens' talk runs; the page cached at 10:00 must not be served.
        site.Clock.SetUtcNow(new DateTimeOffset(2025, 4, 9, 15, 10, 0, TimeSpan.Zero));
        var later = Parser.ParseDocument(await client.GetStringAsync("/programme"));
        Assert.Contains("Causal Inference Meets Quantum Physics", Assert.Single(later.QuerySelectorAll("li.entry--now")).TextContent);
    }

    [Theory]
    [InlineData("Cookie", ".AspNetCore.Identity.Application=signed-in")]
    [InlineData("Cookie", ".AspNetCore.Antiforgery.x=token")]
    [InlineData("Authorization", "Bearer token")]
    public async Task Signed_in_requests_are_never_served_from_the_cache(string header, string value)
    {
        await using var site = new SiteFactory();
        var client = site.CreateClient();
        await client.GetStringAsync("/talks/2");
        // A copy served from the cache says how old it is.
        var anonymous = await client.GetAsync("/talks/2");
        Assert.NotNull(anonymous.Headers.Age);
        Assert.NotNull(anonymous.Headers.ETag);

        for (var i = 0; i < 2; i++)
        {
            var personal = new HttpRequestMessage(HttpMethod.Get, "/talks/2");
            personal.Headers.TryAddWithoutValidation(header, value);
            var response = await client.SendAsync(personal);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Scaling Limits for Learning", await response.Content.ReadAsStringAsync());
            Assert.Null(response.Headers.Age);
            Assert.Null(response.Headers.ETag);
        }
    }

    [Theory]
    [InlineData("/error/404")]
    [InlineData("/talks/999")]
    public async Task Other_paths_and_failed_requests_are_not_cached(string path)
    {
        await using var site = new SiteFactory();
        var client = site.CreateClient();
        await client.GetAsync(path);
        var again = await client.GetAsync(path);
        Assert.Null(again.Headers.Age);
        Assert.Null(again.Headers.ETag);
    }

    [Fact]
    public async Task Css_and_js_at_their_versioned_address_are_kept_a_year_and_asked_again_elsewhere()
    {
        await using var site = new SiteFactory();
        var client = site.CreateClient();
        var page = Parser.ParseDocument(await client.GetStringAsync("/programme"));
        var stylesheet = page.QuerySelector("link[rel=stylesheet][href^='/css/site.css?v=']")!.GetAttribute("href")!;
        var script = page.QuerySelector("script[src^='/js/now-next.js?v=']")!.GetAttribute("src")!;

        foreach (var address in new[] { stylesheet, script })
        {
            var versioned = await client.GetAsync(address);
            Assert.Equal(HttpStatusCode.OK, versioned.StatusCode);
            Assert.True(versioned.Headers.CacheControl!.Public);
            Assert.Equal(TimeSpan.FromDays(365), versioned.Headers.CacheControl.MaxAge);
            Assert.Contains(versioned.Headers.CacheControl.Extensions, e => e.Name == "immutable");
        }
        var plain = await client.GetAsync("/css/site.css");
        Assert.Null(plain.Headers.CacheControl?.MaxAge);
    }
}
