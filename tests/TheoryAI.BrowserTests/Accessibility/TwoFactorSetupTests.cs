using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TheoryAI.BrowserTests.Infrastructure;
using TheoryAI.Web.Infrastructure;

namespace TheoryAI.BrowserTests.Accessibility;

/// <summary>
/// The two-factor setup page in a browser, as shown and after a wrong code: no accessibility violation at all, in
/// either colour scheme. Its own account: opening the page gives an account a key, which ends that account's other
/// sessions (the shared organizer's would end with it).
/// </summary>
[Collection(OrganizerCollection.Name)]
public sealed class TwoFactorSetupTests(OrganizerBrowser organizer, ITestOutputHelper output)
{
    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task Setup_page_has_no_accessibility_violations_as_shown_and_after_a_wrong_code(string scheme)
    {
        var email = $"two-factor-{scheme}@example.org";
        await using (var scope = organizer.Browser.Services.CreateAsyncScope())
        {
            Assert.Equal(0, await ConferenceCommands.AddOrganizerAsync(scope.ServiceProvider, ["--email", email],
                new StringReader(""), OrganizerBrowser.Password, TextWriter.Null, TextWriter.Null));
        }
        await using var tab = await organizer.Browser.OpenAsync(new BrowserNewContextOptions
        {
            ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light,
            BypassCSP = true,
        });
        await tab.Page.GotoAsync("/account/login?ReturnUrl=%2Faccount%2Ftwo-factor");
        await tab.Page.FillAsync("#Input_Email", email);
        await tab.Page.FillAsync("#Input_Password", OrganizerBrowser.Password);
        await tab.Page.ClickAsync("button[type=submit]");
        await tab.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/two-factor");
        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", (await tab.Page.TextContentAsync("#authenticator-key"))!.Trim());

        var shown = await Axe.CheckAsync(tab.Page);
        output.WriteLine(Axe.Report($"/account/two-factor ({scheme})", shown));

        await tab.Page.FillAsync("#Input_Code", "12345");
        await tab.Page.ClickAsync("#enable-form button[type=submit]");
        await tab.Page.WaitForSelectorAsync(".field-error:not(:empty)");
        var afterWrongCode = await Axe.CheckAsync(tab.Page);
        output.WriteLine(Axe.Report($"/account/two-factor after a wrong code ({scheme})", afterWrongCode));

        Assert.Empty(shown);
        Assert.Empty(afterWrongCode);
    }
}
