using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TheoryAI.Web.Data;
using TheoryAI.Web.Infrastructure;

namespace TheoryAI.BrowserTests.Infrastructure;

/// <summary>
/// A site and browser of their own for the organizer tests (they change the programme, so they must not share the
/// public pages' site), with one organizer account made by the real add-organizer command. The account signs in
/// once through the login form; <see cref="OpenSignedInAsync"/> gives new tabs that session's cookies.
/// </summary>
public sealed class OrganizerBrowser : IAsyncLifetime
{
    public const string Email = "organizer@example.org";
    public const string Password = "correct horse battery staple";

    private string? _signedInState;

    public BrowserFixture Browser { get; } = new();

    public async Task InitializeAsync()
    {
        await Browser.InitializeAsync();
        await using (var scope = Browser.Services.CreateAsyncScope())
        {
            var exit = await ConferenceCommands.AddOrganizerAsync(
                scope.ServiceProvider, ["--email", Email], new StringReader(""), Password, TextWriter.Null, TextWriter.Null);
            if (exit != 0)
            {
                throw new InvalidOperationException($"add-organizer exited with {exit}.");
            }
        }
        await using var tab = await Browser.OpenAsync();
        await SignInAsync(tab.Page);
        _signedInState = await tab.Context.StorageStateAsync();
    }

    /// <summary>Fills and sends the login form as a person would; ends on the page the site sends the organizer to.</summary>
    public static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#Input_Email", Email);
        await page.FillAsync("#Input_Password", Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath != "/account/login");
    }

    /// <summary>A new tab already signed in as the organizer.</summary>
    public Task<BrowserTab> OpenSignedInAsync(BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.StorageState = _signedInState ?? throw new InvalidOperationException("The organizer has not signed in.");
        return Browser.OpenAsync(options);
    }

    public ConferenceDb CreateDb() => Browser.Services.CreateScope().ServiceProvider.GetRequiredService<ConferenceDb>();

    public int SessionOfTalk(int number)
    {
        using var db = CreateDb();
        return db.Talks.Where(t => t.Number == number).Select(t => t.SessionId).Single();
    }

    /// <summary>The first block without a talk (a break or meal), edited on the session form.</summary>
    public int FirstPlainSession()
    {
        using var db = CreateDb();
        return db.Sessions.Where(s => s.Talk == null).OrderBy(s => s.Id).Select(s => s.Id).First();
    }

    public async Task DisposeAsync() => await Browser.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class OrganizerCollection : ICollectionFixture<OrganizerBrowser>
{
    public const string Name = "Organizer browser";
}
