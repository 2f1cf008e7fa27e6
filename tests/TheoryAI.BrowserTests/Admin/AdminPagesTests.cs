using Microsoft.Playwright;
using TheoryAI.BrowserTests.Infrastructure;

namespace TheoryAI.BrowserTests.Admin;

/// <summary>
/// The organizer pages (and the login and changes pages) in a browser: no serious accessibility violation in either
/// colour scheme, nothing blocked by the Content-Security-Policy, and usable at a phone's width.
/// </summary>
[Collection(OrganizerCollection.Name)]
public sealed class AdminPagesTests(OrganizerBrowser organizer, ITestOutputHelper output)
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    private static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };

    /// <summary>Page names; the addresses need the seeded ids (see <see cref="PathOf"/>).</summary>
    public static readonly string[] Names =
        ["login", "admin", "talk-edit", "session-edit", "rooms", "speakers", "event", "talk-delete", "changes", "publish", "preview"];

    public static TheoryData<string, string> PagesInBothSchemes()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in Names)
        {
            data.Add(name, "light");
            data.Add(name, "dark");
        }
        return data;
    }

    public static TheoryData<string> Pages() => new(Names);

    [Theory]
    [MemberData(nameof(PagesInBothSchemes))]
    public async Task Page_has_no_serious_accessibility_violations(string name, string scheme)
    {
        await using var tab = await OpenAsync(name, new BrowserNewContextOptions
        {
            ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light,
            BypassCSP = true,
        });
        var path = PathOf(name);
        Assert.Equal(200, await tab.GoAsync(path));

        var violations = await Axe.CheckAsync(tab.Page);
        var report = Axe.Report($"{path} ({scheme})", violations);
        output.WriteLine(report);
        Assert.True(!violations.Any(v => v.IsSeriousOrWorse), report);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_works_under_the_policy_without_errors_or_violations(string name)
    {
        await using var tab = await OpenAsync(name);
        var path = PathOf(name);
        var response = await tab.Page.GotoAsync(path);
        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        Assert.Contains("style-src 'self'", (await response.AllHeadersAsync())["content-security-policy"]);
        // The stylesheet was allowed.
        Assert.Equal("flex", await tab.Page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.site-header .wrap')).display"));

        Assert.Empty(await tab.CspViolationsAsync());
        Assert.True(tab.Problems.Count == 0, string.Join("\n", tab.Problems));
    }

    [Fact]
    public async Task A_refused_sign_in_shows_its_errors_under_the_policy()
    {
        await using var tab = await organizer.Browser.OpenAsync();
        await tab.GoAsync("/account/login");
        await tab.Page.FillAsync("#Input_Email", OrganizerBrowser.Email);
        await tab.Page.FillAsync("#Input_Password", "not the password");
        await tab.Page.ClickAsync("button[type=submit]");
        await tab.Page.Locator(".form-errors li").First.WaitForAsync();

        Assert.EndsWith("/account/login", new Uri(tab.Page.Url).AbsolutePath);
        Assert.True(await tab.Page.Locator(".form-errors").IsVisibleAsync());
        Assert.Empty(await tab.CspViolationsAsync());
        Assert.True(tab.Problems.Count == 0, string.Join("\n", tab.Problems));
    }

    [Theory]
    [InlineData("admin", "phone")]
    [InlineData("admin", "desktop")]
    [InlineData("talk-edit", "phone")]
    [InlineData("talk-edit", "desktop")]
    public async Task Page_is_captured_at_phone_and_desktop_width_and_never_scrolls_sideways(string name, string width)
    {
        await using var tab = await OpenAsync(name, new BrowserNewContextOptions
        {
            ViewportSize = width == "phone" ? Phone : Desktop,
            DeviceScaleFactor = 1,
        });
        Assert.Equal(200, await tab.GoAsync(PathOf(name)));

        var file = Path.Combine(BrowserFixture.ArtefactsDirectory, $"admin-{name}-{width}.png");
        await tab.Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        output.WriteLine($"screenshot: {file}");
        Assert.True(new FileInfo(file).Length > 1000);

        var widths = await tab.Page.EvaluateAsync<int[]>(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var tooWide = await tab.Page.EvaluateAsync<string[]>("""
            () => [...document.body.querySelectorAll('*')]
                .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
                .filter(el => !el.parentElement?.closest('.table-scroll'))
                .slice(0, 10)
                .map(el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className ? '.' + el.className : '') + ' ' + Math.round(el.getBoundingClientRect().right) + 'px ' + getComputedStyle(el).overflowX)
            """);
        Assert.True(widths[0] <= widths[1],
            $"{PathOf(name)} is {widths[0]}px wide in a {widths[1]}px viewport; too wide: {string.Join("; ", tooWide)}");
    }

    private Task<BrowserTab> OpenAsync(string name, BrowserNewContextOptions? options = null) =>
        name is "login" or "changes" ? organizer.Browser.OpenAsync(options) : organizer.OpenSignedInAsync(options);

    private string PathOf(string name) => name switch
    {
        "login" => "/account/login",
        "admin" => "/admin",
        "talk-edit" => $"/admin/talks/edit/{organizer.SessionOfTalk(5)}",
        "session-edit" => $"/admin/sessions/edit/{organizer.FirstPlainSession()}",
        "rooms" => "/admin/rooms",
        "speakers" => "/admin/speakers",
        "event" => "/admin/event",
        "talk-delete" => $"/admin/talks/edit/{organizer.SessionOfTalk(5)}?handler=Delete",
        "changes" => "/changes",
        "publish" => "/admin/publish",
        "preview" => "/admin/preview",
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown admin page."),
    };
}
