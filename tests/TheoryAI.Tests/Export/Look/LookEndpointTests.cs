using System.Net;
using AngleSharp.Html.Dom;
using SkiaSharp;
using TheoryAI.Tests.Infrastructure;
using TheoryAI.Web.Export.Look;

namespace TheoryAI.Tests.Export.Look;

/// <summary>The seeded event's look reaches every page and its files: theme.css, favicons, the share image.</summary>
public sealed class LookEndpointTests(SeededSite site) : IClassFixture<SeededSite>
{
    private const string Accent = "#0f5e6e";
    private const string EventName = "Theory + AI Workshop: Theoretical Physics for AI";

    [Fact]
    public async Task Theme_css_carries_the_accent_and_the_derived_dark_accent()
    {
        var response = await site.Client.GetAsync("/theme.css");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        var css = await response.Content.ReadAsStringAsync();
        Assert.Contains($":root {{ --accent: {Accent};", css);
        Assert.Contains("@media (prefers-color-scheme: dark)", css);
        Assert.Contains("--accent-fg: #0b1220", css);
    }

    [Fact]
    public async Task Pages_link_theme_css_after_site_css_and_set_theme_color_to_the_accent()
    {
        var page = await HtmlForm.GetDocumentAsync(site.Client, "/programme");
        var sheets = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).ToList();
        var theme = sheets.FindIndex(h => h.StartsWith("/theme.css?v=", StringComparison.Ordinal));
        Assert.True(theme > sheets.FindIndex(h => h.StartsWith("/css/site.css", StringComparison.Ordinal)), string.Join(", ", sheets));
        Assert.Equal(Accent, page.QuerySelector("meta[name=theme-color]:not([media])")?.GetAttribute("content"));
        Assert.Equal("(prefers-color-scheme: dark)", page.QuerySelector("meta[name=theme-color][media]")?.GetAttribute("media"));
        Assert.StartsWith("/favicon.svg?v=", page.QuerySelector("link[rel=icon]")?.GetAttribute("href"));

        var versioned = await site.Client.GetAsync(sheets[theme]);
        Assert.Equal("public, max-age=31536000, immutable", versioned.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task The_header_shows_the_full_and_the_short_name()
    {
        var page = await HtmlForm.GetDocumentAsync(site.Client, "/");
        var brand = page.QuerySelector("header a.site-brand");
        Assert.NotNull(brand);
        Assert.Equal("/", brand.GetAttribute("href"));
        Assert.Equal(EventName, brand.QuerySelector(".site-brand__name")?.TextContent);
        Assert.Equal("Theory + AI Workshop", brand.QuerySelector(".site-brand__short")?.TextContent);
        Assert.Equal("true", brand.QuerySelector(".site-brand__short")?.GetAttribute("aria-hidden"));
        Assert.Null(brand.QuerySelector("img"));
    }

    [Fact]
    public async Task The_sign_in_page_shows_the_event_and_its_look()
    {
        var page = await HtmlForm.GetDocumentAsync(site.Client, "/account/login");
        Assert.Equal(EventName, page.QuerySelector(".site-brand__name")?.TextContent);
        Assert.DoesNotContain("Conference programme", page.Title);
        Assert.EndsWith(EventName, page.Title);
        Assert.NotNull(page.QuerySelector("link[rel=stylesheet][href^='/theme.css?v=']"));
        Assert.Equal(Accent, page.QuerySelector("meta[name=theme-color]:not([media])")?.GetAttribute("content"));
    }

    [Fact]
    public async Task The_share_image_is_a_1200_by_630_png_named_by_every_page()
    {
        var page = await HtmlForm.GetDocumentAsync(site.Client, "/");
        var image = page.QuerySelector("meta[property='og:image']")?.GetAttribute("content");
        Assert.NotNull(image);
        Assert.StartsWith("http", image);
        Assert.Equal("1200", page.QuerySelector("meta[property='og:image:width']")?.GetAttribute("content"));
        Assert.Equal("630", page.QuerySelector("meta[property='og:image:height']")?.GetAttribute("content"));
        Assert.Contains(EventName, page.QuerySelector("meta[property='og:image:alt']")?.GetAttribute("content"));

        var response = await site.Client.GetAsync(new Uri(image).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        using var codec = SKCodec.Create(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal(SKEncodedImageFormat.Png, codec.EncodedFormat);
        Assert.Equal((1200, 630), (codec.Info.Width, codec.Info.Height));
        // The background is the accent.
        using var bitmap = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(SKColor.Parse(Accent), bitmap.GetPixel(5, 5));
    }

    [Fact]
    public async Task The_favicon_is_an_svg_in_the_accent_with_the_short_names_initials()
    {
        var response = await site.Client.GetAsync("/favicon.svg");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        var svg = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("svg", svg.Root!.Name.LocalName);
        Assert.Contains($"fill=\"{Accent}\"", svg.ToString(System.Xml.Linq.SaveOptions.DisableFormatting));
        Assert.Equal("T+AI", svg.Root.Descendants().Single(e => e.Name.LocalName == "text").Value);

        var icon = await site.Client.GetAsync("/favicon.png");
        using var codec = SKCodec.Create(new MemoryStream(await icon.Content.ReadAsByteArrayAsync()));
        Assert.Equal((ShareImage.IconSize, ShareImage.IconSize), (codec.Info.Width, codec.Info.Height));
    }

    [Fact]
    public async Task Without_a_logo_or_header_image_their_addresses_answer_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await site.Client.GetAsync("/event/logo")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await site.Client.GetAsync("/event/header-image.jpg")).StatusCode);
    }
}
