using Microsoft.Playwright;

namespace TheoryAI.BrowserTests.Infrastructure;

/// <summary>
/// A page in its own browser context that records what went wrong in it: console errors, uncaught exceptions and
/// Content-Security-Policy violations (reported by the page's securitypolicyviolation events).
/// </summary>
public sealed class BrowserTab : IAsyncDisposable
{
    // Init scripts run through the DevTools protocol, so the site's CSP does not block this listener.
    private const string ViolationListener = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e =>
            window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`));
        """;

    private readonly List<string> _problems = [];

    private BrowserTab(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
    }

    public IBrowserContext Context { get; }
    public IPage Page { get; }

    /// <summary>Console errors and uncaught exceptions seen so far.</summary>
    public IReadOnlyList<string> Problems => _problems;

    public static async Task<BrowserTab> AttachAsync(IBrowserContext context, IPage page)
    {
        var tab = new BrowserTab(context, page);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                tab._problems.Add($"console error: {message.Text}");
            }
        };
        page.PageError += (_, error) => tab._problems.Add($"uncaught: {error}");
        await page.AddInitScriptAsync(ViolationListener);
        return tab;
    }

    /// <summary>Goes to a path of the site and returns the HTTP status of the document.</summary>
    public async Task<int> GoAsync(string path)
    {
        var response = await Page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load })
            ?? throw new InvalidOperationException($"No response for {path}.");
        return response.Status;
    }

    public Task<string[]> CspViolationsAsync() => Page.EvaluateAsync<string[]>("() => window.__cspViolations ?? []");

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
