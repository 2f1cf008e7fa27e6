using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TheoryAI.Tests.Infrastructure;
using TheoryAI.Web.Infrastructure;

namespace TheoryAI.Tests.Pages.Account;

/// <summary>Issue 10 item 3: sessions end at sign-out, on account changes, when idle and after 12 hours.</summary>
public sealed class SessionTests
{
    private static string SessionCookie(HttpResponseMessage signIn) =>
        signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.Contains(".AspNetCore.Identity.Application", StringComparison.Ordinal));

    private static async Task<HttpStatusCode> AdminWithCookieAsync(OrganizerSite site, string cookie)
    {
        var bare = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin");
        request.Headers.Add("Cookie", cookie);
        return (await bare.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task A_cookie_copied_before_sign_out_no_longer_opens_admin()
    {
        using var site = new OrganizerSite();
        var email = await site.AddOrganizerAsync("copied@example.org");
        var client = site.NewClient();
        var cookie = SessionCookie(await OrganizerSite.SignInAsync(client, email));
        Assert.Equal(HttpStatusCode.OK, await AdminWithCookieAsync(site, cookie));

        var logout = await HtmlForm.LoadAsync(client, "/admin", "form[action='/account/logout']");
        await logout.SubmitAsync();
        site.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.Redirect, await AdminWithCookieAsync(site, cookie));
    }

    [Fact]
    public async Task Replacing_the_password_ends_existing_sessions()
    {
        using var site = new OrganizerSite();
        var client = await site.SignedInOrganizerAsync("replaced@example.org");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);

        await site.AddOrganizerAsync("replaced@example.org");
        site.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task Removing_the_organizer_role_ends_admin_access_at_once()
    {
        using var site = new OrganizerSite();
        var client = await site.SignedInOrganizerAsync("demoted@example.org");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);

        await using (var scope = site.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var user = await users.FindByEmailAsync("demoted@example.org");
            Assert.True((await users.RemoveFromRoleAsync(user!, OrganizerSecurity.OrganizerRole)).Succeeded);
        }
        site.Clock.Advance(TimeSpan.FromSeconds(1));

        var response = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Thirty_minutes_without_a_request_sign_an_organizer_out()
    {
        using var site = new OrganizerSite();
        var client = await site.SignedInOrganizerAsync("idle@example.org");
        site.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);

        site.Clock.Advance(TimeSpan.FromMinutes(31));

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task A_session_ends_twelve_hours_after_signing_in_however_active()
    {
        using var site = new OrganizerSite();
        var client = await site.SignedInOrganizerAsync("busy@example.org");
        var elapsed = TimeSpan.Zero;
        while (elapsed + TimeSpan.FromMinutes(20) < TimeSpan.FromHours(12))
        {
            site.Clock.Advance(TimeSpan.FromMinutes(20));
            elapsed += TimeSpan.FromMinutes(20);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
        }

        site.Clock.Advance(TimeSpan.FromMinutes(20));

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task Over_https_the_sign_in_cookie_has_the_host_prefix()
    {
        using var site = new OrganizerSite();
        var email = await site.AddOrganizerAsync("prefixed@example.org");
        var client = site.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = new Uri("https://localhost/"),
        });
        var response = await OrganizerSite.SignInAsync(client, email);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.Contains(".AspNetCore.Identity.Application", StringComparison.Ordinal));
        Assert.StartsWith("__Host-.AspNetCore.Identity.Application=", cookie);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
    }
}
