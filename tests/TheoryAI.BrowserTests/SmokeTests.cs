using TheoryAI.BrowserTests.Infrastructure;

namespace TheoryAI.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class SmokeTests(BrowserFixture browser)
{
    [Fact]
    public async Task Home_page_opens()
    {
        await using var tab = await browser.OpenAsync();
        Assert.Equal(200, await tab.GoAsync("/"));
        Assert.Contains("Theory + AI", await tab.Page.TitleAsync());
    }
}
