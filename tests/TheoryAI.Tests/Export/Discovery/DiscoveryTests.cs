using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.AspNetCore.Hosting;
using TheoryAI.Tests.Infrastructure;

namespace TheoryAI.Tests.Export.Discovery;

/// <summary>A site published at a fixed address (Conference:PublicBaseUrl).</summary>
public sealed class PublishedSite : SiteFactory
{
    public const string BaseUrl = "https://workshop.example.org/";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Conference:PublicBaseUrl", BaseUrl);
    }
}

public sealed class DiscoveryTests(PublishedSite site) : IClassFixture<PublishedSite>
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public async Task Robots_txt_keeps_crawlers_out_of_the_admin_and_names_the_sitemap_by_its_public_address()
    {
        var response = await site.CreateClient().GetAsync("/robots.txt");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n');
        Assert.Contains("User-agent: *", lines);
        Assert.Contains("Disallow: /admin", lines);
        Assert.Contains("Disallow: /account", lines);
        Assert.Contains($"Sitemap: {PublishedSite.BaseUrl}sitemap.xml", lines);
    }

    [Fact]
    public async Task The_sitemap_lists_every_talk_speaker_and_day_as_absolute_public_addresses()
    {
        var client = site.CreateClient();
        var response = await client.GetAsync("/sitemap.xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var locations = xml.Root!.Elements(Sitemap + "url").Select(u => u.Element(Sitemap + "loc")!.Value).ToList();
        Assert.All(locations, l => Assert.StartsWith(PublishedSite.BaseUrl, l, StringComparison.Ordinal));
        Assert.Equal(locations.Count, locations.Distinct().Count());

        using var db = site.CreateDb();
        foreach (var number in db.Talks.Select(t => t.Number).ToList())
        {
            Assert.Contains($"{PublishedSite.BaseUrl}talks/{number}", locations);
        }
        foreach (var slug in db.Speakers.Select(s => s.Slug).ToList())
        {
            Assert.Contains($"{PublishedSite.BaseUrl}speakers/{slug}", locations);
        }
        Assert.Contains($"{PublishedSite.BaseUrl}programme/2025-04-09", locations);
        // Every listed page exists.
        foreach (var location in locations.Take(40))
        {
            var page = await client.GetAsync(new Uri(location).PathAndQuery);
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{location} answered {(int)page.StatusCode}");
        }
    }

    [Fact]
    public async Task The_sitemap_uses_the_requested_address_when_no_public_one_is_configured()
    {
        using var plain = new SiteFactory();
        var xml = XDocument.Parse(await plain.CreateClient().GetStringAsync("/sitemap.xml"));
        var first = xml.Root!.Elements(Sitemap + "url").First().Element(Sitemap + "loc")!.Value;
        Assert.Equal("http://localhost/", first);
    }

    private static JsonElement JsonLd(AngleSharp.Html.Dom.IHtmlDocument page)
    {
        var scripts = page.QuerySelectorAll("script[type='application/ld+json']").ToList();
        var script = Assert.Single(scripts);
        return JsonDocument.Parse(script.TextContent).RootElement;
    }

    [Fact]
    public async Task The_home_page_describes_the_event_as_a_schema_org_event()
    {
        var json = JsonLd(await HtmlForm.GetDocumentAsync(site.CreateClient(), "/"));
        Assert.Equal("https://schema.org", json.GetProperty("@context").GetString());
        Assert.Equal("Event", json.GetProperty("@type").GetString());
        Assert.Equal("2025-04-09", json.GetProperty("startDate").GetString());
        Assert.Equal("2025-04-11", json.GetProperty("endDate").GetString());
        Assert.Equal("Place", json.GetProperty("location").GetProperty("@type").GetString());
        Assert.Equal(PublishedSite.BaseUrl, json.GetProperty("url").GetString());
    }

    [Fact]
    public async Task A_talk_page_describes_the_talk_as_an_event_with_its_speakers_and_open_graph_tags()
    {
        var page = await HtmlForm.GetDocumentAsync(site.CreateClient(), "/talks/2");
        var json = JsonLd(page);
        var title = page.QuerySelector("h1")!.TextContent;
        Assert.Equal("Event", json.GetProperty("@type").GetString());
        Assert.Equal(title, json.GetProperty("name").GetString());
        var start = DateTimeOffset.Parse(json.GetProperty("startDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var end = DateTimeOffset.Parse(json.GetProperty("endDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(end > start);
        Assert.Equal(TimeSpan.FromHours(-4), start.Offset);
        Assert.Equal($"{PublishedSite.BaseUrl}talks/2", json.GetProperty("url").GetString());
        var performers = json.GetProperty("performer").EnumerateArray().ToList();
        Assert.NotEmpty(performers);
        Assert.All(performers, p => Assert.Equal("Person", p.GetProperty("@type").GetString()));
        Assert.Equal("Event", json.GetProperty("superEvent").GetProperty("@type").GetString());

        Assert.Equal("article", page.QuerySelector("meta[property='og:type']")?.GetAttribute("content"));
        Assert.Equal($"{PublishedSite.BaseUrl}talks/2", page.QuerySelector("meta[property='og:url']")?.GetAttribute("content"));
        Assert.StartsWith(title, page.QuerySelector("meta[property='og:title']")?.GetAttribute("content"));
    }

    [Fact]
    public async Task A_title_that_looks_like_markup_cannot_close_the_json_ld_script()
    {
        const string hostile = "Attention </script><script>alert(1)</script> is all you need";
        using (var db = site.CreateDb())
        {
            var talk = db.Talks.Single(t => t.Number == 9);
            db.Sessions.Single(s => s.Id == talk.SessionId).Title = hostile;
            await db.SaveChangesAsync();
        }
        await site.PublishAsync();
        var html = await site.CreateClient().GetStringAsync("/talks/9");
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        Assert.Equal(hostile, JsonLd(page).GetProperty("name").GetString());
        Assert.DoesNotContain(page.QuerySelectorAll("script"), s => s.TextContent.Contains("alert(1)", StringComparison.Ordinal) && s.GetAttribute("type") != "application/ld+json");
    }

    [Fact]
    public async Task A_speaker_page_is_an_open_graph_profile()
    {
        string slug;
        using (var db = site.CreateDb())
        {
            slug = db.Speakers.OrderBy(s => s.Id).Select(s => s.Slug).First();
        }
        var page = await HtmlForm.GetDocumentAsync(site.CreateClient(), $"/speakers/{slug}");
        Assert.Equal("profile", page.QuerySelector("meta[property='og:type']")?.GetAttribute("content"));
        Assert.Equal($"{PublishedSite.BaseUrl}speakers/{slug}", page.QuerySelector("meta[property='og:url']")?.GetAttribute("content"));
    }
}
