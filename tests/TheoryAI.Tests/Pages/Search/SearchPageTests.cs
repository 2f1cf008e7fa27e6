using System.Net;
using TheoryAI.Tests.Infrastructure;
using TheoryAI.Web.Data;

namespace TheoryAI.Tests.Pages.Search;

/// <summary>/search works as a plain form: the results are in the page the server sends.</summary>
public sealed class SearchPageTests(SeededSite site) : IClassFixture<SeededSite>
{
    private async Task<AngleSharp.Html.Dom.IHtmlDocument> Search(string query) =>
        await HtmlForm.GetDocumentAsync(site.Client, "/search" + query);

    private static List<string> Titles(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll(".search-entry .entry__title").Select(t => t.TextContent.Trim()).ToList();

    private (string Title, string Speaker, string? Affiliation, string? Abstract) ATalk()
    {
        using var db = site.Factory.CreateDb();
        return db.TalkSpeakers.Where(ts => ts.Talk.Session.Kind == SessionKind.Talk && ts.Speaker.Affiliation != null && ts.Talk.AbstractMarkdown != null)
            .OrderBy(ts => ts.Talk.Number)
            .Select(ts => new ValueTuple<string, string, string?, string?>(ts.Talk.Session.Title, ts.Speaker.Name, ts.Speaker.Affiliation, ts.Talk.AbstractMarkdown))
            .First();
    }

    [Fact]
    public async Task Searching_a_title_finds_the_talk()
    {
        var talk = ATalk();
        var word = talk.Title.Split(' ').OrderByDescending(w => w.Length).First().ToUpperInvariant();
        Assert.Contains(talk.Title, Titles(await Search($"?q={Uri.EscapeDataString(word)}")));
    }

    [Fact]
    public async Task Searching_a_speakers_name_finds_the_speaker_and_their_talk()
    {
        var talk = ATalk();
        var page = await Search($"?q={Uri.EscapeDataString(talk.Speaker)}");
        Assert.Contains(page.QuerySelectorAll(".search-speakers a"), a => a.TextContent == talk.Speaker);
        Assert.Contains(talk.Title, Titles(page));
    }

    [Fact]
    public async Task Searching_an_affiliation_or_a_phrase_of_an_abstract_finds_the_talk()
    {
        var talk = ATalk();
        Assert.Contains(talk.Title, Titles(await Search($"?q={Uri.EscapeDataString(talk.Affiliation!)}")));
        var words = TheoryAI.Web.Programme.MarkdownRenderer.ToPlainText(talk.Abstract).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.All(char.IsLetter) && w.Length > 6).Take(2);
        Assert.Contains(talk.Title, Titles(await Search($"?q={Uri.EscapeDataString(string.Join(' ', words))}")));
    }

    [Fact]
    public async Task Every_word_must_match_and_a_search_with_no_match_says_so()
    {
        var page = await Search("?q=transformer+zzzyzzx");
        Assert.Empty(Titles(page));
        Assert.Contains("Nothing in the programme matches", page.QuerySelector("[role=status]")!.TextContent);
    }

    [Fact]
    public async Task The_kind_filter_lists_only_breaks_or_only_talks()
    {
        using var db = site.Factory.CreateDb();
        var breaks = db.Sessions.Count(s => s.Kind == SessionKind.Break || s.Kind == SessionKind.Meal || s.Kind == SessionKind.Registration || s.Kind == SessionKind.Social);
        var talks = db.Sessions.Count(s => s.Kind == SessionKind.Talk);
        var breakPage = await Search("?kind=breaks");
        Assert.Equal(breaks, Titles(breakPage).Count);
        Assert.All(breakPage.QuerySelectorAll(".search-entry .entry__kind"), k => Assert.Contains(k.TextContent, new[] { "Break", "Meal", "Registration", "Social" }));
        var talkPage = await Search("?kind=talks");
        Assert.Equal(talks, Titles(talkPage).Count);
        Assert.All(talkPage.QuerySelectorAll(".search-entry .entry__kind"), k => Assert.Equal("Talk", k.TextContent));
        Assert.Equal("talks", talkPage.QuerySelector("input[name=kind][checked]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Odd_input_gets_a_page_not_an_error()
    {
        foreach (var query in new[] { "?q=" + new string('x', 5000), "?kind=everything", "?q=%3Cscript%3E", "?q=$$", "?kind=talks&kind=breaks" })
        {
            var response = await site.Client.GetAsync("/search" + query);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task The_search_page_is_cached_per_query()
    {
        var first = await site.Client.GetAsync("/search?q=learning");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        var other = await site.Client.GetAsync("/search?q=physics");
        Assert.NotEqual(etag, other.Headers.ETag);
        var again = new HttpRequestMessage(HttpMethod.Get, "/search?q=learning");
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await site.Client.SendAsync(again)).StatusCode);
    }
}
