using Microsoft.Playwright;
using TheoryAI.BrowserTests.Infrastructure;

namespace TheoryAI.BrowserTests.Accessibility;

[Collection(BrowserCollection.Name)]
public sealed class AxeTests(BrowserFixture browser, ITestOutputHelper output)
{
    public static TheoryData<string, string> PagesInBothSchemes()
    {
        var data = new TheoryData<string, string>();
        foreach (var path in PublicPages.All)
        {
            data.Add(path, "light");
            data.Add(path, "dark");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PagesInBothSchemes))]
    public async Task Public_page_has_no_serious_accessibility_violations(string path, string scheme)
    {
        await SpeakerProfiles.ArrangeAsync(browser);
        await using var tab = await browser.OpenAsync(new BrowserNewContextOptions
        {
            ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light,
            BypassCSP = true,
        });
        await tab.GoAsync(path);

        var violations = await Axe.CheckAsync(tab.Page);
        var report = Axe.Report($"{path} ({scheme})", violations);
        output.WriteLine(report);

        Assert.True(!violations.Any(v => v.IsSeriousOrWorse), report);
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
