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
    public async Task Entry_titles_do_not_repeat_the_kind_of_change()
    {
        await using var site = new SiteFactory();
        await using (var db = site.CreateDb())
        {
            db.ChangeAuthor = "editor@example.org";
            var session = await db.Sessions.SingleAsync(s => s.Talk!.Number == 2);
            db.Remove(session);
            await db.SaveChangesAsync();
        }
        var feed = XDocument.Parse(await site.CreateClient().GetStringAsync("/changes.atom"));
        var titles = feed.Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value).ToList();
        Assert.Contains(titles, t => t.StartsWith("Cancelled ", StringComparison.Ordinal));
        Assert.DoesNotContain(titles, t => t.Contains("Cancelled: Cancelled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_control_character_in_a_stored_title_does_not_break_the_feed()
    {
        await using var site = new SiteFactory();
        await EditTitleAsync(site, "Scaling\u000BLimits\u0001 pasted");
        var response = await site.CreateClient().GetAsync("/changes.atom");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(feed.Root!.Elements(Atom + "entry"), e => e.Element(Atom + "title")!.Value.Contains("Scaling Limits  pasted"));
    }
}
