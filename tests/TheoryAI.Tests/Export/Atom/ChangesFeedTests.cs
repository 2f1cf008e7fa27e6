using System.Net;
using System.Xml.Linq;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using TheoryAI.Tests.Infrastructure;

namespace TheoryAI.Tests.Export.Atom;

public sealed class ChangesFeedTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private sealed class PublishedSite : SiteFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Conference:PublicBaseUrl", "https://workshop.example.org/");
        }
    }

    private static async Task EditTitleAsync(SiteFactory site, string title)
    {
        await using var db = site.CreateDb();
        db.ChangeAuthor = "editor@example.org";
        var session = await db.Sessions.SingleAsync(s => s.Talk!.Number == 2);
        session.Title = title;
        await db.SaveChangesAsync();
        await site.PublishAsync();
    }

    [Fact]
    public async Task The_feed_links_to_the_public_address_and_answers_304_for_its_ETag()
    {
        await using var site = new PublishedSite();
        await EditTitleAsync(site, "Scaling Limits, renamed");
        var client = site.CreateClient();
        var response = await client.GetAsync("/changes.atom");
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("https://workshop.example.org/changes", feed.Root!.Element(Atom + "id")!.Value);
        var entry = feed.Root.Elements(Atom + "entry").First();
        Assert.StartsWith("https://workshop.example.org/", entry.Element(Atom + "link")!.Attribute("href")!.Value);

        var etag = response.Headers.ETag;
        Assert.NotNull(etag);
        var again = new HttpRequestMessage(HttpMethod.Get, "/changes.atom");
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
    }

    [Fact]
    public async Task Entries_say_the_kind_of_change_once()
    {
        await using var site = new SiteFactory();
        await using (var db = site.CreateDb())
        {
            db.ChangeAuthor = "editor@example.org";
            var session = await db.Sessions.SingleAsync(s => s.Talk!.Number == 2);
            session.Cancelled = true;
            await db.SaveChangesAsync();
        }
        await site.PublishAsync();
        var feed = XDocument.Parse(await site.CreateClient().GetStringAsync("/changes.atom"));
        var summaries = feed.Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "summary")!.Value).ToList();
        Assert.Contains(summaries, t => t.StartsWith("Cancelled: talk 2, “Scaling Limits for Learning: Dynamics and Statics”, Wednesday 9 April 2025, 09:45, Toronto time.", StringComparison.Ordinal));
        Assert.DoesNotContain(summaries, t => t.Contains("Cancelled: Cancelled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_control_character_in_a_stored_title_does_not_break_the_feed()
    {
        await using var site = new SiteFactory();
        await EditTitleAsync(site, "Scaling\u000BLimits\u0001 pasted");
        var response = await site.CreateClient().GetAsync("/changes.atom");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(feed.Root!.Elements(Atom + "entry"), e => e.Element(Atom + "summary")!.Value.Contains("Scaling Limits  pasted"));
    }
}
