using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using TheoryAI.Tests.Infrastructure;

namespace TheoryAI.Tests.Export.Frab;

public sealed class FrabEndpointTests(SeededSite site) : IClassFixture<SeededSite>
{
    [Theory]
    [InlineData("/schedule.xml", "application/xml")]
    [InlineData("/schedule.json", "application/json")]
    public async Task Schedule_documents_list_the_seeded_programme_with_absolute_talk_urls(string path, string mediaType)
    {
        var response = await site.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var body = await response.Content.ReadAsByteArrayAsync();
        var schedule = path.EndsWith(".xml", StringComparison.Ordinal) ? FrabDocuments.ParseXml(body) : FrabDocuments.ParseJson(body);

        Assert.Equal(29, schedule.Events.Count);
        Assert.Equal("theory_ai_workshop_theoretical_physics_for_ai_2025", schedule.Acronym);
        var bordelon = Assert.Single(schedule.Events, e => e.Id == 2);
        Assert.Equal(new DateTimeOffset(2025, 4, 9, 9, 45, 0, TimeSpan.FromHours(-4)), bordelon.Date);
        Assert.Equal("00:45", bordelon.Duration);
        Assert.Equal("PI/4-400 Space Room", bordelon.Room);
        Assert.Equal("Workshop Talk", bordelon.Type);
        Assert.Equal("Blake Bordelon", Assert.Single(bordelon.Persons).Name);
        Assert.Equal(["https://pirsa.org/25040085"], bordelon.Links);
        Assert.Equal("http://localhost/talks/2", bordelon.Url);
        var registration = Assert.Single(schedule.Events, e => e.Title == "Registration");
        Assert.Equal("Perimeter Institute for Theoretical Physics", registration.Room);
        Assert.Equal("Registration", registration.Track);
    }

    [Theory]
    [InlineData("/schedule.xml")]
    [InlineData("/schedule.json")]
    public async Task A_selection_gives_only_the_chosen_talks_and_bad_input_a_400(string path)
    {
        var response = await site.Client.GetAsync(path + "?talks=3,2");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync();
        var schedule = path.EndsWith(".xml", StringComparison.Ordinal) ? FrabDocuments.ParseXml(body) : FrabDocuments.ParseJson(body);
        Assert.Equal([2, 3], schedule.Events.Select(e => e.Id).Order());

        var bad = await site.Client.GetAsync(path + "?talks=two");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.Contains("is not a talk number", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/schedule.xml")]
    [InlineData("/schedule.json?talks=2")]
    public async Task Revalidation_answers_304_HEAD_works_and_the_body_is_compressed(string path)
    {
        var first = await site.Client.GetAsync(path);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.Contains("no-cache", first.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);

        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await site.Client.SendAsync(again)).StatusCode);

        using var head = new HttpRequestMessage(HttpMethod.Head, path);
        var headResponse = await site.Client.SendAsync(head);
        Assert.Equal(HttpStatusCode.OK, headResponse.StatusCode);
        Assert.Equal(etag, headResponse.Headers.ETag);

        using var compressed = new HttpRequestMessage(HttpMethod.Get, path);
        compressed.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        var brotli = await site.Client.SendAsync(compressed);
        Assert.Equal("br", Assert.Single(brotli.Content.Headers.ContentEncoding));
        Assert.True((await brotli.Content.ReadAsByteArrayAsync()).Length < (await first.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task Programme_and_agenda_pages_link_the_schedule_documents()
    {
        var parser = new HtmlParser();
        var programme = await parser.ParseDocumentAsync(await site.Client.GetStringAsync("/programme"));
        var links = programme.QuerySelectorAll(".schedule-links a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/schedule.xml", "/schedule.json"], links);

        var agenda = await parser.ParseDocumentAsync(await site.Client.GetStringAsync("/agenda?talks=2,3"));
        Assert.Equal("/schedule.xml?talks=2,3", agenda.QuerySelector("a.agenda-schedule")?.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, (await site.Client.GetAsync("/schedule.xml?talks=2,3")).StatusCode);
    }
}
