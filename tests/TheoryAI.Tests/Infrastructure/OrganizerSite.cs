using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TheoryAI.Web.Infrastructure;

namespace TheoryAI.Tests.Infrastructure;

/// <summary>A seeded site with organizer accounts made by the real add-organizer command, and signed-in clients.</summary>
public class OrganizerSite : SiteFactory
{
    public const string Password = "correct horse battery staple";

    private readonly int _loginAttemptsPerMinute;

    public OrganizerSite() : this(1000)
    {
    }

    protected OrganizerSite(int loginAttemptsPerMinute) => _loginAttemptsPerMinute = loginAttemptsPerMinute;

    /// <summary>A site on a given database file (e.g. one made by an earlier version, to test its upgrade).</summary>
    internal OrganizerSite(string databasePath, bool ownsDatabase) : base(databasePath, null, ownsDatabase) => _loginAttemptsPerMinute = 1000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Organizers:LoginAttemptsPerMinute", _loginAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>A client that keeps cookies and shows redirects instead of following them.</summary>
    public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<string> AddOrganizerAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var exit = await ConferenceCommands.AddOrganizerAsync(scope.ServiceProvider, ["--email", email], new StringReader(""), Password, TextWriter.Null, TextWriter.Null);
        Assert.Equal(0, exit);
        return email;
    }

    /// <summary>An account without the Organizer role.</summary>
    public async Task<string> AddPlainUserAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var result = await users.CreateAsync(new IdentityUser { UserName = email, Email = email, EmailConfirmed = true }, Password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return email;
    }

    /// <summary>Signs in through the real login form; returns the response to the POST.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password = Password, string? returnUrl = null)
    {
        var url = returnUrl is null ? "/account/login" : $"/account/login?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
        var form = await HtmlForm.LoadAsync(client, url);
        return await form.Set("Input.Email", email).Set("Input.Password", password).SubmitAsync();
    }

    /// <summary>The id of the timetable slot of talk <paramref name="number"/> (the admin editor's address).</summary>
    public int SessionOfTalk(int number)
    {
        using var db = CreateDb();
        return db.Talks.Where(t => t.Number == number).Select(t => t.SessionId).Single();
    }

    public int RoomId(string code)
    {
        using var db = CreateDb();
        return db.Rooms.Where(r => r.Code == code).Select(r => r.Id).Single();
    }

    /// <summary>The messages a form page shows (field messages and the summary); the page must have answered 200.</summary>
    public static async Task<string> ErrorsOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForm.ParseAsync(response);
        return string.Join("\n", page.QuerySelectorAll(".field-error, .form-errors li").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0));
    }

    /// <summary>Publishes the draft through the real Publish form; returns the response to the POST.</summary>
    public static async Task<HttpResponseMessage> PublishAsync(HttpClient organizer, string? name = null, string? note = null)
    {
        var form = await HtmlForm.LoadAsync(organizer, "/admin/publish", "#publish-form");
        if (name is not null)
        {
            form.Set("Input.Name", name);
        }
        if (note is not null)
        {
            form.Set("Input.Note", note);
        }
        return await form.SubmitAsync();
    }

    /// <summary>Publishes and checks that it worked (a redirect back to the admin page).</summary>
    public static async Task PublishedAsync(HttpClient organizer, string? name = null, string? note = null)
    {
        var response = await PublishAsync(organizer, name, note);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            Assert.Fail(await ErrorsOf(response));
        }
    }

    public async Task<HttpClient> SignedInOrganizerAsync(string email)
    {
        await AddOrganizerAsync(email);
        var client = NewClient();
        var response = await SignInAsync(client, email);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
