using System.Net;
using System.Net.Http.Headers;
using System.Xml.Linq;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TheoryAI.Web.Data;

namespace TheoryAI.Tests.Infrastructure;

public sealed class ProgrammeCacheTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task Every_public_GET_endpoint_answers_HEAD()
    {
        await using var site = new SiteFactory();
        var client = site.CreateClient();
        var endpoints = site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>() is { } methods
                        && methods.HttpMethods.Contains("GET"))
            .ToList();
        Assert.NotEmpty(endpoints);
        foreach (var endpoint in endpoints)
        {
            Assert.Contains("HEAD", endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods);
        }
        foreach (var path in new[] { "/booklet.pdf", "/calendar.ics", "/changes.atom", "/programme", "/talks/2.ics" })
        {
            var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        }
    }

    [Theory]
    [InlineData("/calendar.ics")]
    [InlineData("/booklet.pdf")]
    [InlineData("/changes.atom")]
    [InlineData("/programme")]
    public async Task A_strong_ETag_differs_per_encoding(string path)
    {
        await using var site = new SiteFactory();
        var client = site.CreateClient();
        var tags = new List<EntityTagHeaderValue>();
        var sentEncodings = new List<string>();
        foreach (var encoding in new[] { "", "gzip", "br" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (encoding.Length > 0)
            {
                request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
            }
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var tag = Assert.IsType<EntityTagHeaderValue>(response.Headers.ETag);
            tags.Add(tag);
            sentEncodings.Add(string.Join(",", response.Content.Headers.ContentEncoding));
            if (!tag.IsWeak)
            {
                // The cached copy answers 304 for the tag of its own encoding.
                var again = new HttpRequestMessage(HttpMethod.Get, path);
                if (encoding.Length > 0)
                {
                    again.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
                }
                again.Headers.IfNoneMatch.Add(tag);
                Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
            }
        }
        // Weak tags may be shared; a strong tag names one representation: as many tags as encodings sent (a PDF is
        // sent as it is whatever the client accepts, so its three copies are one representation).
        Assert.True(tags.All(t => t.IsWeak) || tags.Select(t => t.Tag).Distinct().Count() == sentEncodings.Distinct().Count(),
            string.Join(" ", tags.Zip(sentEncodings, (t, e) => $"{t} ({e})")));
        if (path == "/calendar.ics")
        {
            Assert.Equal(3, sentEncodings.Distinct().Count());
        }
    }

    [Fact]
    public async Task Unknown_query_keys_are_served_from_the_cache_and_declared_ones_vary_it()
    {
        await using var site = new CountingSiteFactory();
        var client = site.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/programme")).StatusCode);
        site.Commands.Reset();
        var random = await client.GetAsync("/programme?r=random");
        Assert.Equal(HttpStatusCode.OK, random.StatusCode);
        Assert.NotNull(random.Headers.Age);
        Assert.Equal(0, site.Commands.Count);

        var two = await client.GetStringAsync("/agenda.ics?talks=2");
        var three = await client.GetStringAsync("/agenda.ics?talks=3&r=1");
        Assert.NotEqual(two, three);
        var twoAgain = await client.GetAsync("/agenda.ics?talks=2&utm=x");
        Assert.NotNull(twoAgain.Headers.Age);
        Assert.Equal(two, await twoAgain.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Concurrent_misses_render_once()
    {
        await using var site = new CountingSiteFactory();
        var client = site.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/venue")).StatusCode);
        async Task EditAsync()
        {
            await using var db = site.CreateDb();
            var ev = await db.Events.SingleAsync();
            ev.Name += " ";
            await db.SaveChangesAsync();
            // Edits change the draft; the public views show it once it is published.
            await site.PublishAsync();
        }
        // One request after an edit: the snapshot reloads and the page renders.
        await EditAsync();
        site.Commands.Reset();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/speakers")).StatusCode);
        var oneRender = site.Commands.Count;
        Assert.True(oneRender > 0);

        await EditAsync();
        site.Commands.Reset();
        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => client.GetAsync("/speakers")));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(oneRender, site.Commands.Count);
    }

    [Fact]
    public async Task Views_of_a_release_after_its_first_render_make_no_query_until_a_change()
    {
        await using var site = new CountingSiteFactory();
        var client = site.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/programme")).StatusCode);
        site.Commands.Reset();
        // Misses (an agenda nobody asked for yet, another view) render from the release whose number was just read.
        var agenda = await client.GetAsync("/agenda.ics?talks=3,4");
        Assert.Equal(HttpStatusCode.OK, agenda.StatusCode);
        Assert.Null(agenda.Headers.Age);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/speakers")).StatusCode);
        Assert.Equal(0, site.Commands.Count);

        await using (var db = site.CreateDb())
        {
            var session = await db.Sessions.SingleAsync(s => s.Title == "Scaling Limits for Learning: Dynamics and Statics");
            session.Title = "Scaling Limits after the change";
            await db.SaveChangesAsync();
            await site.PublishAsync();
        }
        site.Commands.Reset();
        Assert.Contains("Scaling Limits after the change", await client.GetStringAsync("/agenda.ics?talks=2,3,4"));
        Assert.True(site.Commands.Count > 0);
    }

    [Fact]
    public async Task A_release_published_by_another_node_is_served_after_the_check_for_other_writers()
    {
        var path = TestFiles.NewDatabasePath();
        try
        {
            await using var nodeA = new SiteFactory(path, ownsDatabase: false);
            await using var nodeB = new SiteFactory(path, ownsDatabase: false);
            // Node A's first check comes after node B's release: a check that only compared one read with the next
            // would take B's release for the one A serves.
            var onA = nodeA.WithWebHostBuilder(b => b.UseSetting("Conference:ExternalWriterCheck", "00:00:05")).CreateClient();
            var onB = nodeB.CreateClient();
            // Node A serves and caches the seed's release, views rendered from it and a view nobody asked for yet.
            Assert.Contains("Scaling Limits for Learning: Dynamics and Statics", await onA.GetStringAsync("/talks/2"));
            Assert.Equal(HttpStatusCode.OK, (await onA.GetAsync("/programme")).StatusCode);

            await using (var db = nodeB.CreateDb())
            {
                var session = await db.Sessions.SingleAsync(s => s.Title == "Scaling Limits for Learning: Dynamics and Statics");
                session.Title = "Scaling Limits published by node B";
                await db.SaveChangesAsync();
                await nodeB.PublishAsync();
            }
            Assert.Contains("Scaling Limits published by node B", await onB.GetStringAsync("/talks/2"));

            // Node A sees it through its read of the release number (no timing asserted: the test waits).
            var deadline = DateTime.UtcNow.AddSeconds(30);
            string talk, agenda;
            do
            {
                await Task.Delay(200);
                talk = await onA.GetStringAsync("/talks/2");
                agenda = await onA.GetStringAsync("/agenda.ics?talks=2,5");
            }
            while (!(talk.Contains("Scaling Limits published by node B") && agenda.Contains("Scaling Limits published by node B"))
                   && DateTime.UtcNow < deadline);
            Assert.Contains("Scaling Limits published by node B", talk);
            Assert.Contains("Scaling Limits published by node B", agenda);
        }
        finally
        {
            TestStore.Delete(path);
        }
    }

    [Fact]
    public async Task An_edit_evicts_every_cached_view_at_once()
    {
        await using var site = new SiteFactory();
        var client = site.CreateClient();
        foreach (var path in new[] { "/programme", "/calendar.ics", "/changes.atom", "/changes" })
        {
            await client.GetStringAsync(path);
            Assert.NotNull((await client.GetAsync(path)).Headers.Age);
        }
        await using (var db = site.CreateDb())
        {
            db.ChangeAuthor = "editor@example.org";
            var session = await db.Sessions.SingleAsync(s => s.Title == "Scaling Limits for Learning: Dynamics and Statics");
            session.Title = "Scaling Limits evicted";
            await db.SaveChangesAsync();
            // Edits change the draft; the public views show it once it is published.
            await site.PublishAsync();
        }
        foreach (var path in new[] { "/programme", "/calendar.ics", "/changes.atom", "/changes" })
        {
            Assert.Contains("Scaling Limits evicted", await client.GetStringAsync(path));
        }
    }

    [Fact]
    public async Task A_signed_in_organizer_is_neither_served_from_nor_stored_in_the_cache()
    {
        await using var site = new OrganizerSite();
        var organizer = await site.SignedInOrganizerAsync("cache@example.org");
        var anonymous = site.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            var personal = await organizer.GetAsync("/programme");
            Assert.Equal(HttpStatusCode.OK, personal.StatusCode);
            Assert.Null(personal.Headers.Age);
        }
        // Nothing the organizer saw was stored: the first anonymous request is a render, not a copy.
        Assert.Null((await anonymous.GetAsync("/programme")).Headers.Age);
        Assert.NotNull((await anonymous.GetAsync("/programme")).Headers.Age);
    }

    [Fact]
    public async Task Changes_are_paged_and_the_feed_holds_the_latest_page()
    {
        await using var site = new SiteFactory();
        // 24 releases after the seed's, each renaming talk 2.
        for (var i = 1; i <= 24; i++)
        {
            await using (var db = site.CreateDb())
            {
                (await db.Sessions.SingleAsync(s => s.Talk!.Number == 2)).Title = $"Talk {i}";
                await db.SaveChangesAsync();
            }
            await site.PublishAsync();
        }
        var client = site.CreateClient();
        var first = await client.GetStringAsync("/changes");
        Assert.Contains("is now “Talk 24”", first);
        Assert.DoesNotContain("is now “Talk 14”", first);
        Assert.Contains("href=\"/changes/page/2\"", first);
        var third = await client.GetStringAsync("/changes/page/3");
        Assert.Contains("is now “Talk 1”", third);
        Assert.Contains("The first published programme.", third);
        Assert.Contains("href=\"/changes/page/2\"", third);
        Assert.DoesNotContain("/changes/page/4", third);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/changes/page/9")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/changes/page/1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/changes/page/0")).StatusCode);
        // The old addresses of the older pages lead to the new ones.
        var legacy = await site.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/changes?page=3");
        Assert.Equal(HttpStatusCode.MovedPermanently, legacy.StatusCode);
        Assert.Equal("/changes/page/3", legacy.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/changes?page=0")).StatusCode);

        var feed = XDocument.Parse(await client.GetStringAsync("/changes.atom"));
        Assert.Equal(10, feed.Root!.Elements(Atom + "entry").Count());
    }
}
