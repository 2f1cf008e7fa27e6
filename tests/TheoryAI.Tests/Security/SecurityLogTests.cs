using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using TheoryAI.Tests.Infrastructure;
using TheoryAI.Web.Infrastructure;

namespace TheoryAI.Tests.Security;

/// <summary>Issue 10 item 13: failed sign-ins, refused requests and 429s leave a log line, without the password.</summary>
public sealed class SecurityLogTests
{
    private sealed class LoggedSite(int attemptsPerMinute) : OrganizerSite(attemptsPerMinute)
    {
        public CapturedLogs Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        }
    }

    [Fact]
    public async Task A_failed_sign_in_is_logged_with_the_address_and_without_the_password()
    {
        using var site = new LoggedSite(1000);
        var email = await site.AddOrganizerAsync("logged@example.org");
        await OrganizerSite.SignInAsync(site.NewClient(), email, "a wrong secret guess");

        var lines = site.Logs.In(OrganizerSecurity.SecurityLogCategory).ToList();
        Assert.Contains(lines, l => l.Contains("failed", StringComparison.OrdinalIgnoreCase) && l.Contains(email, StringComparison.Ordinal));
        Assert.DoesNotContain(site.Logs.Lines, l => l.Message.Contains("a wrong secret guess", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refused_admin_requests_are_logged()
    {
        using var site = new LoggedSite(1000);
        await site.NewClient().GetAsync("/admin/rooms");
        var plain = await site.AddPlainUserAsync("plain.logged@example.org");
        var client = site.NewClient();
        await OrganizerSite.SignInAsync(client, plain);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin/event")).StatusCode);

        var lines = site.Logs.In(OrganizerSecurity.SecurityLogCategory).ToList();
        Assert.Contains(lines, l => l.Contains("Refused", StringComparison.Ordinal) && l.Contains("/admin/rooms", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Refused", StringComparison.Ordinal) && l.Contains("/admin/event", StringComparison.Ordinal) && l.Contains(plain, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Too_many_requests_are_logged()
    {
        using var site = new LoggedSite(1);
        var client = site.NewClient();
        await OrganizerSite.SignInAsync(client, "first@example.org", "one guess only");
        var form = await HtmlForm.LoadAsync(client, "/account/login");
        var refused = await form.Set("Input.Email", "first@example.org").Set("Input.Password", "second guess").SubmitAsync();
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);

        Assert.Contains(site.Logs.In(OrganizerSecurity.SecurityLogCategory), l => l.Contains("429", StringComparison.Ordinal) && l.Contains("/account/login", StringComparison.Ordinal));
        Assert.DoesNotContain(site.Logs.Lines, l => l.Message.Contains("second guess", StringComparison.Ordinal));
    }
}
