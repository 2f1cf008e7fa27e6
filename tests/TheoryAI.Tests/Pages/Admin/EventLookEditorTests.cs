using System.Net;
using TheoryAI.Tests.Data;
using TheoryAI.Tests.Infrastructure;
using TheoryAI.Tests.Pages.Speakers;
using TheoryAI.Web.Export.Look;

namespace TheoryAI.Tests.Pages.Admin;

/// <summary>Organizers set the event's look on the event editor: refused at the field with the reason, public once published.</summary>
public sealed class EventLookEditorTests(OrganizerSite site) : IClassFixture<OrganizerSite>
{
    private static Task<HtmlForm> EditorAsync(HttpClient organizer) => HtmlForm.LoadAsync(organizer, "/admin/event", "#edit-form");

    [Fact]
    public async Task A_low_contrast_accent_is_refused_at_the_field_with_its_ratio()
    {
        var organizer = await site.SignedInOrganizerAsync("accent-low@example.org");
        var response = await (await EditorAsync(organizer)).Set("Input.Accent", "#4f9bd9").SubmitAsync();
        var errors = await OrganizerSite.ErrorsOf(response);
        Assert.Contains("Accent colour: #4f9bd9 has a contrast of 2.9:1 against white and 2.7:1 against the header's grey #f3f5f8 (WCAG AA needs 4.5:1); choose a darker colour.", errors);
        // The form keeps what was typed.
        var page = await HtmlForm.ParseAsync(response);
        Assert.Equal("#4f9bd9", page.QuerySelector("#Input_Accent")?.GetAttribute("value"));
    }

    [Fact]
    public async Task A_good_accent_tagline_and_short_name_are_saved_and_shown_once_published()
    {
        var organizer = await site.SignedInOrganizerAsync("accent-good@example.org");
        var response = await (await EditorAsync(organizer))
            .Set("Input.Accent", "#5A1020").Set("Input.Tagline", "A new line").Set("Input.ShortName", "TAI 2025").SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var anonymous = site.CreateClient();
        Assert.DoesNotContain("#5a1020", await anonymous.GetStringAsync("/theme.css"));

        await OrganizerSite.PublishedAsync(organizer);
        Assert.Contains(":root { --accent: #5a1020;", await anonymous.GetStringAsync("/theme.css"));
        var home = await HtmlForm.GetDocumentAsync(anonymous, "/");
        Assert.Equal("#5a1020", home.QuerySelector("meta[name=theme-color]:not([media])")?.GetAttribute("content"));
        Assert.Equal("TAI 2025", home.QuerySelector(".site-brand__short")?.TextContent);
        // The admin pages show the published event too.
        var admin = await HtmlForm.GetDocumentAsync(organizer, "/admin");
        Assert.Equal("TAI 2025", admin.QuerySelector(".site-brand__short")?.TextContent);
        Assert.Equal("#5a1020", (await EditorAsync(organizer))["Input.Accent"]);
    }

    [Fact]
    public async Task An_svg_logo_with_a_script_is_refused_and_a_png_logo_is_stored_served_and_removable()
    {
        var organizer = await site.SignedInOrganizerAsync("logo@example.org");
        var script = """<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"""u8.ToArray();
        var refused = await (await EditorAsync(organizer)).SubmitWithFileAsync("Logo", script, "logo.svg", "image/svg+xml");
        Assert.Contains("Logo: the SVG holds a <script> element; remove it.", await OrganizerSite.ErrorsOf(refused));

        var png = SeedLookTests.Png(120, 40);
        var saved = await (await EditorAsync(organizer)).SubmitWithFileAsync("Logo", png, "logo.png", "image/png");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await OrganizerSite.PublishedAsync(organizer);

        var anonymous = site.CreateClient();
        var img = (await HtmlForm.GetDocumentAsync(anonymous, "/")).QuerySelector("header .site-brand img.site-brand__logo");
        Assert.NotNull(img);
        Assert.Equal("", img.GetAttribute("alt"));
        var served = await anonymous.GetAsync(img.GetAttribute("src"));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(png, await served.Content.ReadAsByteArrayAsync());
        Assert.NotNull(served.Headers.ETag);
        Assert.Equal("public, max-age=31536000, immutable", served.Headers.CacheControl?.ToString());

        var removed = await (await EditorAsync(organizer)).Set("RemoveLogo", "true").SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        await OrganizerSite.PublishedAsync(organizer);
        Assert.Null((await HtmlForm.GetDocumentAsync(anonymous, "/")).QuerySelector("img.site-brand__logo"));
    }

    [Fact]
    public async Task An_svg_logo_is_served_sandboxed_and_a_jpeg_logo_is_refused()
    {
        var organizer = await site.SignedInOrganizerAsync("svg-logo@example.org");
        var jpeg = await (await EditorAsync(organizer)).SubmitWithFileAsync("Logo", TestImages.Encode(40, 20), "logo.png", "image/png");
        Assert.Contains("Logo: the file is a JPG image; the logo must be an SVG or PNG image.", await OrganizerSite.ErrorsOf(jpeg));

        var svg = System.Text.Encoding.UTF8.GetBytes(SeedLookTests.Logo);
        Assert.Equal(HttpStatusCode.Redirect, (await (await EditorAsync(organizer)).SubmitWithFileAsync("Logo", svg, "logo.svg", "image/svg+xml")).StatusCode);
        await OrganizerSite.PublishedAsync(organizer);

        var anonymous = site.CreateClient();
        var src = (await HtmlForm.GetDocumentAsync(anonymous, "/")).QuerySelector("img.site-brand__logo")?.GetAttribute("src");
        Assert.StartsWith("/event/logo.svg?v=", src);
        foreach (var path in new[] { src, "/event/logo", src })
        {
            var served = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.Equal("image/svg+xml", served.Content.Headers.ContentType?.MediaType);
            Assert.Equal(LookEndpoints.SvgContentSecurityPolicy, string.Join(";", served.Headers.GetValues("Content-Security-Policy")));
            Assert.Equal("nosniff", string.Join(",", served.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal(svg, await served.Content.ReadAsByteArrayAsync());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/event/logo.png")).StatusCode);
    }
}
