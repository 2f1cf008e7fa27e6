using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TheoryAI.Tests.Infrastructure;
using TheoryAI.Web.Infrastructure;
using TheoryAI.Web.Pages.Account;

namespace TheoryAI.Tests.Pages.Account;

/// <summary>Issue 10 item 13: optional two-factor sign-in for organizers with an authenticator app.</summary>
public sealed class TwoFactorTests(TwoFactorTests.LoggedSite site) : IClassFixture<TwoFactorTests.LoggedSite>
{
    public sealed class LoggedSite : OrganizerSite
    {
        public CapturedLogs Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        }
    }

    private sealed class RequiringSite : OrganizerSite
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Organizers:RequireTwoFactor", "true");
        }
    }

    [Fact]
    public async Task Setting_up_with_a_code_from_the_key_turns_it_on_and_shows_the_recovery_codes_once()
    {
        var client = await site.SignedInOrganizerAsync("setup@example.org");
        var form = await HtmlForm.LoadAsync(client, "/account/two-factor", "#enable-form");
        var key = KeyOn(form);
        var uri = form.Element.Owner!.QuerySelector("#authenticator-uri")!.TextContent;
        Assert.StartsWith("otpauth://totp/", uri);
        Assert.Contains($"secret={key.ToUpperInvariant()}&", uri);
        Assert.Contains("setup%40example.org", uri);

        var answer = await form.Set("Input.Code", Totp.CodeNow(key)).SubmitAsync();

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var page = await HtmlForm.ParseAsync(answer);
        var codes = page.QuerySelectorAll(".recovery-codes li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(TwoFactorModel.RecoveryCodeCount, codes.Count);
        Assert.All(codes, c => Assert.Matches("^[A-Z0-9]{5}-[A-Z0-9]{5}$", c));
        Assert.Contains("is on", page.Body!.TextContent);

        // Shown once: the page never shows them again. The session that set it up goes on.
        var later = await HtmlForm.GetDocumentAsync(client, "/account/two-factor");
        Assert.Empty(later.QuerySelectorAll(".recovery-codes li"));
        Assert.Contains($"{TwoFactorModel.RecoveryCodeCount} recovery codes are left", later.Body!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_code_at_setup_is_refused_at_the_field_and_leaves_it_off()
    {
        var client = await site.SignedInOrganizerAsync("setup.typo@example.org");
        var form = await HtmlForm.LoadAsync(client, "/account/two-factor", "#enable-form");
        var key = KeyOn(form);

        var answer = await form.Set("Input.Code", Totp.StaleCode(key)).SubmitAsync();

        Assert.Contains(TwoFactorModel.WrongCode, await OrganizerSite.ErrorsOf(answer));
        // The same key is offered again, and signing in still needs only the password.
        var again = await HtmlForm.LoadAsync(client, "/account/two-factor", "#enable-form");
        Assert.Equal(key, KeyOn(again));
        var response = await OrganizerSite.SignInAsync(site.NewClient(), "setup.typo@example.org");
        Assert.Equal("/admin", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Signing_in_asks_for_the_app_code_after_the_password_and_then_opens_the_page_asked_for()
    {
        var email = "codes@example.org";
        var (key, _) = await SetUpAsync(await site.SignedInOrganizerAsync(email));

        var client = site.NewClient();
        var afterPassword = await OrganizerSite.SignInAsync(client, email, returnUrl: "/admin/rooms");
        Assert.Equal(HttpStatusCode.Redirect, afterPassword.StatusCode);
        Assert.StartsWith("/account/login/two-factor", afterPassword.Headers.Location!.OriginalString);
        // The password alone opens nothing.
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);

        var form = await HtmlForm.LoadAsync(client, afterPassword.Headers.Location.OriginalString);
        var signedIn = await form.Set("Input.Code", Totp.CodeNow(key)).SubmitAsync();

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/admin/rooms", signedIn.Headers.Location!.OriginalString);
        Assert.Contains("PI/4-400", (await HtmlForm.GetDocumentAsync(client, "/admin/rooms")).Body!.TextContent);
        Assert.Contains(site.Logs.In(OrganizerSecurity.SecurityLogCategory), l => l.Contains(email, StringComparison.Ordinal) && l.Contains("signed in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_code_is_a_form_error_logged_like_a_wrong_password_and_five_lock_the_account()
    {
        var email = "wrong.codes@example.org";
        var (key, _) = await SetUpAsync(await site.SignedInOrganizerAsync(email));
        var client = site.NewClient();
        await OrganizerSite.SignInAsync(client, email);

        var first = await EnterCodeAsync(client, Totp.StaleCode(key));
        Assert.Contains(LoginTwoFactorModel.WrongCode, await OrganizerSite.ErrorsOf(first));
        Assert.Contains(site.Logs.In(OrganizerSecurity.SecurityLogCategory),
            l => l.Contains("Sign-in failed", StringComparison.Ordinal) && l.Contains(email, StringComparison.Ordinal) && l.Contains("authenticator code", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);
        for (var i = 1; i < 5; i++)
        {
            await EnterCodeAsync(client, Totp.StaleCode(key));
        }

        var right = await EnterCodeAsync(client, Totp.CodeNow(key));
        Assert.Contains(LoginTwoFactorModel.Locked, await OrganizerSite.ErrorsOf(right));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);
        Assert.Contains(site.Logs.In(OrganizerSecurity.SecurityLogCategory), l => l.Contains(email, StringComparison.Ordinal) && l.Contains("locked out", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Wrong_recovery_codes_count_towards_the_lockout_too()
    {
        var email = "wrong.recovery@example.org";
        var (key, _) = await SetUpAsync(await site.SignedInOrganizerAsync(email));
        var client = site.NewClient();
        await OrganizerSite.SignInAsync(client, email);
        for (var i = 0; i < 4; i++)
        {
            Assert.Contains(LoginTwoFactorModel.WrongCode, await OrganizerSite.ErrorsOf(await EnterCodeAsync(client, "ZZZZZ-ZZZZZ")));
        }
        Assert.Contains(LoginTwoFactorModel.Locked, await OrganizerSite.ErrorsOf(await EnterCodeAsync(client, "ZZZZZ-ZZZZZ")));

        var right = await EnterCodeAsync(client, Totp.CodeNow(key));
        Assert.Contains(LoginTwoFactorModel.Locked, await OrganizerSite.ErrorsOf(right));
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var email = "recovery@example.org";
        var (_, codes) = await SetUpAsync(await site.SignedInOrganizerAsync(email));

        var client = site.NewClient();
        await OrganizerSite.SignInAsync(client, email);
        // Typed as people copy it: lower case, without the dash.
        var signedIn = await EnterCodeAsync(client, codes[3].Replace("-", "", StringComparison.Ordinal).ToLowerInvariant());
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
        Assert.Contains($"{TwoFactorModel.RecoveryCodeCount - 1} recovery codes are left", (await HtmlForm.GetDocumentAsync(client, "/account/two-factor")).Body!.TextContent);

        var again = site.NewClient();
        await OrganizerSite.SignInAsync(again, email);
        Assert.Contains(LoginTwoFactorModel.WrongCode, await OrganizerSite.ErrorsOf(await EnterCodeAsync(again, codes[3])));
        Assert.Equal(HttpStatusCode.Redirect, (await again.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task The_code_step_without_the_password_step_goes_back_to_the_password()
    {
        var client = site.NewClient();
        var answer = await client.GetAsync("/account/login/two-factor?ReturnUrl=%2Fadmin%2Frooms");
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.StartsWith("/account/login?", answer.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Turned_off_the_password_alone_signs_in_again()
    {
        var email = "off@example.org";
        var client = await site.SignedInOrganizerAsync(email);
        var (key, _) = await SetUpAsync(client);

        var manage = await HtmlForm.LoadAsync(client, "/account/two-factor", "#manage-form");
        var off = await manage.SubmitAsync("button[formaction*='handler=Disable' i]");
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.Contains("Two-factor sign-in is off", (await HtmlForm.GetDocumentAsync(client, off.Headers.Location!.OriginalString)).Body!.TextContent);

        var response = await OrganizerSite.SignInAsync(site.NewClient(), email);
        Assert.Equal("/admin", response.Headers.Location!.OriginalString);
        // Set up again later, the old key is worth nothing.
        var again = await HtmlForm.LoadAsync(client, "/account/two-factor", "#enable-form");
        Assert.NotEqual(key, KeyOn(again));
        Assert.Contains(TwoFactorModel.WrongCode, await OrganizerSite.ErrorsOf(await again.Set("Input.Code", Totp.CodeNow(key)).SubmitAsync()));
    }

    [Fact]
    public async Task Setting_up_again_gives_a_new_key_and_ends_the_old_one()
    {
        var email = "new.phone@example.org";
        var client = await site.SignedInOrganizerAsync(email);
        var (oldKey, _) = await SetUpAsync(client);

        var manage = await HtmlForm.LoadAsync(client, "/account/two-factor", "#manage-form");
        var reset = await manage.SubmitAsync("button[formaction*='handler=Reset' i]");
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        var (newKey, _) = await SetUpAsync(client);
        Assert.NotEqual(oldKey, newKey);

        var other = site.NewClient();
        await OrganizerSite.SignInAsync(other, email);
        Assert.Contains(LoginTwoFactorModel.WrongCode, await OrganizerSite.ErrorsOf(await EnterCodeAsync(other, Totp.CodeNow(oldKey))));
        Assert.Equal(HttpStatusCode.Redirect, (await EnterCodeAsync(other, Totp.CodeNow(newKey))).StatusCode);
    }

    [Fact]
    public async Task Add_organizer_keeps_two_factor_on_unless_told_to_reset_it()
    {
        var email = "lost.phone@example.org";
        await SetUpAsync(await site.SignedInOrganizerAsync(email));

        await site.AddOrganizerAsync(email);
        var kept = await OrganizerSite.SignInAsync(site.NewClient(), email);
        Assert.StartsWith("/account/login/two-factor", kept.Headers.Location!.OriginalString);

        await using (var scope = site.Services.CreateAsyncScope())
        {
            var output = new StringWriter();
            var exit = await ConferenceCommands.AddOrganizerAsync(scope.ServiceProvider, ["--email", email, "--reset-two-factor"],
                new StringReader(""), OrganizerSite.Password, output, TextWriter.Null);
            Assert.Equal(0, exit);
            Assert.Contains("Two-factor sign-in is off", output.ToString());
        }
        var reset = await OrganizerSite.SignInAsync(site.NewClient(), email);
        Assert.Equal("/admin", reset.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Required_by_configuration_an_organizer_without_an_app_is_sent_to_set_it_up_first()
    {
        using var requiring = new RequiringSite();
        var client = await requiring.SignedInOrganizerAsync("required@example.org");

        var sent = await client.GetAsync("/admin/rooms");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal("/account/two-factor?returnUrl=%2Fadmin%2Frooms", sent.Headers.Location!.OriginalString);
        Assert.Contains("requires organizers", (await HtmlForm.GetDocumentAsync(client, sent.Headers.Location.OriginalString)).Body!.TextContent);

        var form = await HtmlForm.LoadAsync(client, sent.Headers.Location.OriginalString, "#enable-form");
        var answer = await form.Set("Input.Code", Totp.CodeNow(KeyOn(form))).SubmitAsync();
        var codesPage = await HtmlForm.ParseAsync(answer);
        Assert.Equal("/admin/rooms", codesPage.QuerySelector(".notice a")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/rooms")).StatusCode);

        // Required, it cannot be turned off (the button is not offered, and a hand-made post is refused).
        var manage = await HtmlForm.LoadAsync(client, "/account/two-factor", "#manage-form");
        Assert.Null(manage.Element.QuerySelector("button[formaction*='handler=Disable' i]"));
        var refused = await client.PostAsync("/account/two-factor?handler=Disable", new FormUrlEncodedContent(manage.Fields));
        Assert.Contains(TwoFactorModel.RequiredCannotTurnOff, await OrganizerSite.ErrorsOf(refused));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/rooms")).StatusCode);
    }

    [Fact]
    public async Task Required_by_configuration_no_admin_form_is_saved_before_the_app_is_set_up()
    {
        using var requiring = new RequiringSite();
        // The room form as an organizer with an app sees it, posted by one without, with that one's own token.
        var ready = await requiring.SignedInOrganizerAsync("required.ready@example.org");
        await SetUpAsync(ready);
        var room = await HtmlForm.LoadAsync(ready, "/admin/rooms/edit", "#edit-form");
        var other = await requiring.SignedInOrganizerAsync("required.other@example.org");
        var ownToken = (await HtmlForm.LoadAsync(other, "/account/two-factor", "#enable-form"))["__RequestVerificationToken"]!;
        room.Set("__RequestVerificationToken", ownToken).Set("Input.Code", "TF/1").Set("Input.Name", "Two-factor room");

        var posted = await other.PostAsync("/admin/rooms/edit", new FormUrlEncodedContent(room.Fields));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.StartsWith("/account/two-factor", posted.Headers.Location!.OriginalString);
        using var db = requiring.CreateDb();
        Assert.False(db.Rooms.Any(r => r.Code == "TF/1"));
    }

    [Fact]
    public async Task Off_by_default_the_admin_pages_open_without_an_app()
    {
        var client = await site.SignedInOrganizerAsync("optional@example.org");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/rooms")).StatusCode);
    }

    private static string KeyOn(HtmlForm form) =>
        form.Element.Owner!.QuerySelector("#authenticator-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal);

    /// <summary>Sets up the app on the signed-in client's account through the page; the key and the recovery codes shown.</summary>
    private static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> SetUpAsync(HttpClient client)
    {
        var form = await HtmlForm.LoadAsync(client, "/account/two-factor", "#enable-form");
        var key = KeyOn(form);
        var answer = await form.Set("Input.Code", Totp.CodeNow(key)).SubmitAsync();
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var codes = (await HtmlForm.ParseAsync(answer)).QuerySelectorAll(".recovery-codes li").Select(li => li.TextContent.Trim()).ToList();
        Assert.NotEmpty(codes);
        return (key, codes);
    }

    private static async Task<HttpResponseMessage> EnterCodeAsync(HttpClient client, string code)
    {
        var form = await HtmlForm.LoadAsync(client, "/account/login/two-factor");
        return await form.Set("Input.Code", code).SubmitAsync();
    }
}
