using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TheoryAI.Tests.Infrastructure;
using TheoryAI.Web.Programme;

namespace TheoryAI.Tests.Pages.Agenda;

public sealed class AgendaPageTests(SeededSite site) : IClassFixture<SeededSite>
{
    private static readonly HtmlParser Parser = new();

    private static async Task<IHtmlDocument> GetPageAsync(HttpClient client, string url, HttpStatusCode status = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    private async Task<List<int>> TalkNumbersAsync()
    {
        using var scope = site.Factory.Services.CreateScope();
        var programme = await scope.ServiceProvider.GetRequiredService<ProgrammeReader>().GetAsync();
        return programme.Talks.Select(t => t.Talk!.Number).ToList();
    }

    /// <summary>What a browser submits for a GET form: its checked boxes as repeated name=value pairs.</summary>
    private static string Submit(IHtmlFormElement form) =>
        $"{form.GetAttribute("action")}?" + string.Join("&", form.QuerySelectorAll<IHtmlInputElement>("input[type=checkbox]")
            .Where(box => box.IsChecked).Select(box => $"{box.Name}={box.Value}"));

    private static List<string?> ListedTalks(IDocument page) =>
        page.QuerySelectorAll(".agenda-item").Select(i => i.GetAttribute("data-talk")).ToList();

    [Fact]
    public async Task Without_a_selection_the_agenda_is_a_checkbox_form_of_every_talk()
    {
        var page = await GetPageAsync(site.Client, "/agenda");
        Assert.Equal("My agenda", page.QuerySelector("h1")?.TextContent);
        var form = Assert.IsAssignableFrom<IHtmlFormElement>(page.QuerySelector("form.agenda-form"));
        Assert.Equal("get", form.Method);
        Assert.Equal("/agenda", form.GetAttribute("action"));
        var boxes = form.QuerySelectorAll<IHtmlInputElement>("input[type=checkbox]").ToList();
        Assert.Equal((await TalkNumbersAsync()).Select(n => n.ToString()), boxes.Select(b => b.Value));
        Assert.All(boxes, b => Assert.Equal("talks", b.Name));
        Assert.All(boxes, b => Assert.False(b.IsChecked));
        Assert.All(boxes, b => Assert.NotNull(page.QuerySelector($"label[for='{b.Id}']")));
        Assert.Empty(page.QuerySelectorAll(".agenda-item"));
        Assert.Null(page.QuerySelector(".agenda-download"));
    }

    [Fact]
    public async Task Submitting_the_form_lists_the_chosen_talks_in_time_order_with_calendar_and_share_links()
    {
        var blank = await GetPageAsync(site.Client, "/agenda");
        var form = (IHtmlFormElement)blank.QuerySelector("form.agenda-form")!;
        foreach (var number in new[] { "5", "2" })
        {
            form.QuerySelector<IHtmlInputElement>($"input[value='{number}']")!.IsChecked = true;
        }
        var url = Submit(form);
        Assert.Equal("/agenda?talks=2&talks=5", url);

        var page = await GetPageAsync(site.Client, url);
        Assert.Equal(["2", "5"], ListedTalks(page));
        var first = page.QuerySelector(".agenda-item")!;
        Assert.Contains("Scaling Limits for Learning: Dynamics and Statics", first.TextContent);
        Assert.Contains("Blake Bordelon (Harvard University)", first.TextContent);
        Assert.Contains("09:45", first.TextContent);
        Assert.Contains("PI/4-400 Space Room", first.TextContent);
        Assert.Empty(page.QuerySelectorAll(".agenda-item--clash"));

        Assert.Equal("/agenda.ics?talks=2,5", page.QuerySelector("a.agenda-download")?.GetAttribute("href"));
        Assert.Equal("webcal://localhost/agenda.ics?talks=2,5", page.QuerySelector("a.agenda-subscribe")?.GetAttribute("href"));
        Assert.Equal("http://localhost/agenda?talks=2,5", page.QuerySelector<IHtmlInputElement>("#agenda-share")?.Value);
        Assert.NotNull(page.QuerySelector("button[data-copy='agenda-share'][hidden]"));
        Assert.NotNull(page.QuerySelector("button[data-print][hidden]"));

        var checkedBoxes = page.QuerySelectorAll<IHtmlInputElement>("form.agenda-form input[type=checkbox]").Where(b => b.IsChecked);
        Assert.Equal(["2", "5"], checkedBoxes.Select(b => b.Value));

        var feed = await IcsOf(page.QuerySelector("a.agenda-download")!.GetAttribute("href")!);
        Assert.Equal(2, feed.Split("BEGIN:VEVENT").Length - 1);
    }

    private async Task<string> IcsOf(string url)
    {
        var response = await site.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task A_comma_list_in_the_address_works_like_the_form()
    {
        var page = await GetPageAsync(site.Client, "/agenda?talks=12,3,8");
        Assert.Equal(["3", "8", "12"], ListedTalks(page));
        Assert.Contains("3 talks chosen", page.QuerySelector(".agenda__summary")!.TextContent);
    }

    [Fact]
    public async Task Talks_that_no_longer_exist_are_named_and_left_out()
    {
        var page = await GetPageAsync(site.Client, "/agenda?talks=2,99,100");
        Assert.Equal(["2"], ListedTalks(page));
        var missing = page.QuerySelector(".agenda__missing")!.TextContent;
        Assert.Contains("Could not find talks", missing);
        Assert.Contains("no. 99, no. 100", missing);

        var none = await GetPageAsync(site.Client, "/agenda?talks=99");
        Assert.Contains("no. 99", none.QuerySelector(".agenda__missing")!.TextContent);
        Assert.Contains("None of the chosen talks is in the programme", none.Body!.TextContent);
    }

    [Theory]
    [InlineData("talks=abc", "\"abc\" is not a talk number")]
    [InlineData("talks=2&talks=x1", "\"x1\" is not a talk number")]
    [InlineData("talks=-3", "\"-3\" is not a talk number")]
    [InlineData("talks=<script>", "is not a talk number")]
    public async Task A_selection_that_cannot_be_read_is_a_400_page_that_says_why(string query, string message)
    {
        var page = await GetPageAsync(site.Client, $"/agenda?{query}", HttpStatusCode.BadRequest);
        Assert.Equal("My agenda", page.QuerySelector("h1")?.TextContent);
        Assert.Contains(message, page.QuerySelector("[role=alert]")!.TextContent);
        Assert.NotNull(page.QuerySelector("form.agenda-form"));
        Assert.Empty(page.QuerySelectorAll(".agenda-item"));
        Assert.NotNull(page.QuerySelector("[data-agenda-page][data-agenda-error]"));
    }

    [Fact]
    public async Task An_absurdly_long_selection_is_a_400_page()
    {
        var tooMany = await GetPageAsync(site.Client, "/agenda?talks=" + string.Join(",", Enumerable.Range(1, 201)), HttpStatusCode.BadRequest);
        Assert.Contains("at most 200", tooMany.QuerySelector("[role=alert]")!.TextContent);
        var tooLong = await GetPageAsync(site.Client, "/agenda?talks=" + new string('7', 2001), HttpStatusCode.BadRequest);
        Assert.Contains("too long", tooLong.QuerySelector("[role=alert]")!.TextContent);
    }

    [Fact]
    public async Task Overlapping_talks_are_flagged_as_clashes()
    {
        await using var factory = new SiteFactory();
        using (var db = factory.CreateDb())
        {
            // Talk 3 (11:00-11:45) moved to overlap talk 2 (09:45-10:30).
            var session = await db.Sessions.SingleAsync(s => s.Talk!.Number == 3);
            session.Start = session.Start.Date.AddHours(10);
            session.End = session.Start.AddMinutes(45);
            await db.SaveChangesAsync();
            // Edits change the draft; the public views show it once it is published.
            await factory.PublishAsync();
        }
        var page = await GetPageAsync(factory.CreateClient(), "/agenda?talks=2,3,5");
        var clashing = page.QuerySelectorAll(".agenda-item--clash").Select(i => i.GetAttribute("data-talk")).ToList();
        Assert.Equal(["2", "3"], clashing);
        var two = page.QuerySelector(".agenda-item[data-talk='2'] .clash")!;
        Assert.NotNull(two.QuerySelector("a[href='/talks/3']"));
        Assert.Contains("10:00–10:45", two.TextContent);
        Assert.Null(page.QuerySelector(".agenda-item[data-talk='5'] .clash"));
        Assert.Contains("2 overlap another chosen talk", page.QuerySelector(".agenda__summary")!.TextContent);
    }

    [Fact]
    public async Task Every_talk_on_the_programme_has_an_add_to_agenda_control_that_works_without_javascript()
    {
        var page = await GetPageAsync(site.Client, "/programme");
        var toggles = page.QuerySelectorAll("a.agenda-toggle").ToList();
        Assert.Equal((await TalkNumbersAsync()).Select(n => n.ToString()), toggles.Select(t => t.GetAttribute("data-talk")));
        Assert.All(toggles, t => Assert.Equal($"/agenda?talks={t.GetAttribute("data-talk")}", t.GetAttribute("href")));
        // Only numbered contributions: breaks and meals have none.
        var lunch = page.QuerySelectorAll("li.entry").First(r => r.TextContent.Contains("Lunch"));
        Assert.Null(lunch.QuerySelector(".agenda-toggle"));
        var bordelon = page.QuerySelectorAll("li.entry").Single(r => r.TextContent.Contains("Scaling Limits for Learning"));
        Assert.Contains("Add to my agenda: Scaling Limits for Learning: Dynamics and Statics", bordelon.QuerySelector("a.agenda-toggle")!.TextContent);

        // Following the link without JavaScript opens the agenda with that talk chosen.
        var agenda = await GetPageAsync(site.Client, toggles[1].GetAttribute("href")!);
        Assert.Equal([toggles[1].GetAttribute("data-talk")], ListedTalks(agenda));

        Assert.Equal("webcal://localhost/calendar.ics", page.QuerySelector(".calendar-links a[href^='webcal:']")?.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector(".calendar-links a[href='/calendar.ics']"));
        var day = await GetPageAsync(site.Client, "/programme/2025-04-10");
        Assert.NotNull(day.QuerySelector(".calendar-links a[href='/programme/2025-04-10.ics']"));
    }

    [Fact]
    public async Task The_talk_page_offers_the_agenda_control_and_its_calendar_file()
    {
        var page = await GetPageAsync(site.Client, "/talks/3");
        var toggle = page.QuerySelector("a.agenda-toggle")!;
        Assert.Equal("3", toggle.GetAttribute("data-talk"));
        Assert.Equal("/agenda?talks=3", toggle.GetAttribute("href"));
        Assert.Equal("/talks/3.ics", page.QuerySelector("a.calendar-link")?.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/programme")]
    [InlineData("/talks/3")]
    [InlineData("/agenda")]
    [InlineData("/agenda?talks=2,3")]
    public async Task Pages_with_agenda_controls_load_agenda_js_and_hold_no_inline_script(string url)
    {
        var page = await GetPageAsync(site.Client, url);
        var scripts = page.QuerySelectorAll("script").ToList();
        Assert.Contains(scripts, s => s.GetAttribute("src")?.StartsWith("/js/agenda.js", StringComparison.Ordinal) == true && s.HasAttribute("defer"));
        // A schema.org JSON-LD data block is not script: browsers never run it (the DiscoveryTests parse it as JSON).
        Assert.All(scripts.Where(s => s.GetAttribute("type") != "application/ld+json"),
            s => Assert.True(s.HasAttribute("src") && string.IsNullOrWhiteSpace(s.TextContent), "no inline script"));
        Assert.DoesNotContain(page.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(page.QuerySelectorAll("a[href^='javascript:']"));

        var js = await site.Client.GetAsync("/js/agenda.js");
        Assert.Equal(HttpStatusCode.OK, js.StatusCode);
        Assert.Equal("text/javascript", js.Content.Headers.ContentType?.MediaType);
        var code = await js.Content.ReadAsStringAsync();
        Assert.Contains("Remove from my agenda", code);
        Assert.Contains("localStorage", code);
    }
}
