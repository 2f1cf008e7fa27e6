using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TheoryAI.Tests.Infrastructure;
using TheoryAI.Web.Infrastructure;

namespace TheoryAI.Tests.Pages.Account;

public sealed class SignInTests(OrganizerSite site) : IClassFixture<OrganizerSite>
{
    [Fact]
    public async Task An_organizer_signs_in_and_returns_to_the_page_asked_for()
    {
        var email = await site.AddOrganizerAsync("return@example.org");
        var client = site.NewClient();
        var denied = await client.GetAsync("/admin/rooms");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        var login = denied.Headers.Location!.OriginalString;
        Assert.Contains("ReturnUrl=%2Fadmin%2Frooms", login);

        var response = await OrganizerSite.SignInAsync(client, email, returnUrl: "/admin/rooms");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/rooms", response.Headers.Location!.OriginalString);
        var rooms = await HtmlForm.GetDocumentAsync(client, "/admin/rooms");
        Assert.Contains("PI/4-400", rooms.Body!.TextContent);
    }

    [Theory]
    [InlineData("https://evil.example/steal")]
    [InlineData("//evil.example/steal")]
    [InlineData("/\\evil.example/steal")]
    [InlineData("javascript:alert(1)")]
    public async Task The_return_url_never_leaves_the_site(string returnUrl)
    {
        var email = await site.AddOrganizerAsync($"offsite{Math.Abs(returnUrl.GetHashCode())}@example.org");
        var client = site.NewClient();
        var response = await OrganizerSite.SignInAsync(client, email, returnUrl: returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message()
    {
        var email = await site.AddOrganizerAsync("typo@example.org");
        var client = site.NewClient();
        var response = await OrganizerSite.SignInAsync(client, email, "not the password at all");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The e-mail address or the password is wrong.", (await HtmlForm.ParseAsync(response)).Body!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_against_the_right_password()
    {
        var email = await site.AddOrganizerAsync("locked@example.org");
        var client = site.NewClient();
        for (var i = 0; i < 5; i++)
        {
            await OrganizerSite.SignInAsync(client, email, $"wrong password {i}");
        }
        var response = await OrganizerSite.SignInAsync(client, email);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("locked for 15 minutes", (await HtmlForm.ParseAsync(response)).Body!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);

        await using var scope = site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = await users.FindByEmailAsync(email);
        var until = await users.GetLockoutEndDateAsync(user!);
        Assert.NotNull(until);
        Assert.InRange(until.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(16));
    }

    [Fact]
    public async Task Signing_out_is_a_post_that_ends_the_session()
    {
        var client = await site.SignedInOrganizerAsync("leaving@example.org");
        var admin = await HtmlForm.LoadAsync(client, "/admin", "form[action='/account/logout']");
        var response = await admin.SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task The_command_refuses_a_password_on_the_command_line_and_a_short_one()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var error = new StringWriter();
        Assert.Equal(2, await ConferenceCommands.AddOrganizerAsync(scope.ServiceProvider,
            ["--email", "cli@example.org", "--password", "secret secret secret"], new StringReader(""), null, TextWriter.Null, error));
        Assert.Contains("ORGANIZER_PASSWORD", error.ToString());

        error = new StringWriter();
        Assert.Equal(1, await ConferenceCommands.AddOrganizerAsync(scope.ServiceProvider,
            ["--email", "short@example.org"], new StringReader("short\n"), null, TextWriter.Null, error));
        Assert.Contains("at least 12 characters", error.ToString());

        error = new StringWriter();
        Assert.Equal(2, await ConferenceCommands.AddOrganizerAsync(scope.ServiceProvider,
            ["--email", "not-an-address"], new StringReader("long enough password\n"), null, TextWriter.Null, error));
    }

    [Fact]
    public async Task The_command_reads_the_password_from_standard_input()
    {
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var output = new StringWriter();
            Assert.Equal(0, await ConferenceCommands.AddOrganizerAsync(scope.ServiceProvider,
                ["--email", "stdin@example.org"], new StringReader("a long password from stdin\n"), null, output, TextWriter.Null));
            Assert.Contains("Created organizer stdin@example.org", output.ToString());
        }
        var response = await OrganizerSite.SignInAsync(site.NewClient(), "stdin@example.org", "a long password from stdin");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>The documented command, run as its own process against a fresh store, as the README says.</summary>
    [Fact]
    public async Task The_add_organizer_command_runs_as_documented()
    {
        var database = TestFiles.NewDatabasePath();
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        try
        {
            var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "TheoryAI.Web.dll"), "add-organizer", "--email", "first@example.org"])
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = AppContext.BaseDirectory,
            };
            start.Environment["ConnectionStrings__Conference"] = TestStore.ConnectionString(database);
            if (TestStore.IsPostgres)
            {
                start.Environment["Conference__Database"] = "postgres";
            }
            start.Environment["DOTNET_ENVIRONMENT"] = "Production";
            start.Environment.Remove(ConferenceCommands.OrganizerPasswordVariable);
            using var process = Process.Start(start)!;
            await process.StandardInput.WriteLineAsync("first organizer password");
            process.StandardInput.Close();
            var output = await process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, output + error);
            Assert.Contains("Created organizer first@example.org", output);

            using var other = new SiteFactory(database);
            await using var scope = other.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var user = await users.FindByEmailAsync("first@example.org");
            Assert.NotNull(user);
            Assert.True(await users.IsInRoleAsync(user!, OrganizerSecurity.OrganizerRole));
            Assert.True(await users.CheckPasswordAsync(user!, "first organizer password"));
        }
        finally
        {
            TestStore.Delete(database);
        }
    }
}

public sealed class StrictLoginSite() : OrganizerSite(3);

public sealed class LoginRateLimitTests(StrictLoginSite site) : IClassFixture<StrictLoginSite>
{
    [Fact]
    public async Task Too_many_sign_in_attempts_get_a_429_page()
    {
        var client = site.NewClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await OrganizerSite.SignInAsync(client, "nobody@example.org", $"guess {i}")).StatusCode);
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        var refused = await OrganizerSite.SignInAsync(client, "nobody@example.org", "again");
        Assert.Equal("60", refused.Headers.RetryAfter?.ToString());
        var page = await HtmlForm.ParseAsync(refused);
        Assert.Equal("Too many requests", page.QuerySelector("h1")?.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
    }
}
