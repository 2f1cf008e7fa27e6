using Microsoft.Playwright;
using TheoryAI.BrowserTests.Infrastructure;

namespace TheoryAI.BrowserTests.Accessibility;

[Collection(BrowserCollection.Name)]
public sealed class AxeTests(BrowserFixture browser, ITestOutputHelper output)
{
    public static TheoryData<string, string, string> PagesInBothSchemesAndWidths()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var path in PublicPages.All)
        {
            foreach (var width in new[] { "phone", "laptop" })
            {
                data.Add(path, "light", width);
                data.Add(path, "dark", width);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PagesInBothSchemesAndWidths))]
    public async Task Public_page_has_no_accessibility_violations(string path, string scheme, string width)
    {
        await SpeakerProfiles.ArrangeAsync(browser);
        await using var tab = await browser.OpenAsync(new BrowserNewContextOptions
        {
            ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light,
            ViewportSize = width == "phone" ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1366, Height = 900 },
            BypassCSP = true,
        });
        await tab.GoAsync(path);

        var violations = await Axe.CheckAsync(tab.Page);
        var report = Axe.Report($"{path} ({scheme}, {width})", violations);
        output.WriteLine(report);

        // Every impact counts, minor and moderate too.
        Assert.True(violations.Count == 0, report);
    }

    [Fact]
    public async Task The_check_reports_broken_pages_with_rule_ids()
    {
        // Guards the harness: a page with an unlabelled image and faint text must not pass.
        await using var tab = await browser.OpenAsync(new BrowserNewContextOptions { BypassCSP = true });
        await tab.Page.SetContentAsync("""
            <!DOCTYPE html><html lang="en"><head><title>Broken</title></head>
            <body><main><h1>Broken</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><p style="color:#ddd;background:#fff">faint text</p></main></body></html>
            """);

        var violations = await Axe.CheckAsync(tab.Page);
        output.WriteLine(Axe.Report("a deliberately broken page", violations));

        Assert.Contains(violations, v => v.Id == "image-alt" && v.IsSeriousOrWorse);
        Assert.Contains(violations, v => v.Id == "color-contrast" && v.IsSeriousOrWorse);
    }
}
