using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using TheoryAI.Tests.Infrastructure;

namespace TheoryAI.Tests.Export.Booklet;

public sealed class BookletEndpointTests : IDisposable
{
    private readonly SiteFactory _factory = new();
    private readonly HttpClient _client;

    public BookletEndpointTests() => _client = _factory.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task Booklet_is_an_inline_pdf_with_a_readable_file_name()
    {
        var response = await _client.GetAsync("/booklet.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition;
        Assert.Equal("inline", disposition?.DispositionType);
        Assert.Equal("theory-ai-workshop-programme.pdf", disposition?.FileName?.Trim('"'));
        Assert.NotNull(response.Headers.ETag);
        using var pdf = new BookletPdf(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("Scaling Limits for Learning: Dynamics and Statics", pdf.AllText);
        Assert.Equal(842, (int)Math.Round(pdf.Document.GetPage(1).Height));
    }

    [Fact]
    public async Task Letter_paper_is_offered()
    {
        var response = await _client.GetAsync("/booklet.pdf?paper=letter");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = new BookletPdf(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal((612, 792), ((int)Math.Round(pdf.Document.GetPage(1).Width), (int)Math.Round(pdf.Document.GetPage(1).Height)));
    }

    [Fact]
    public async Task A_known_etag_gets_304_and_a_programme_change_gets_a_new_booklet()
    {
        var first = await _client.GetAsync("/booklet.pdf");
        var etag = first.Headers.ETag!;

        using var again = new HttpRequestMessage(HttpMethod.Get, "/booklet.pdf");
        again.Headers.IfNoneMatch.Add(etag);
        var notModified = await _client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        await using (var db = _factory.CreateDb())
        {
            var session = await db.Sessions.SingleAsync(s => s.Title == "Scaling Limits for Learning: Dynamics and Statics");
            session.Title = "Scaling Limits for Learning: Dynamics, Statics and Élan";
            await db.SaveChangesAsync();
            // Edits change the draft; the public views show it once it is published.
            await _factory.PublishAsync();
        }

        using var afterChange = new HttpRequestMessage(HttpMethod.Get, "/booklet.pdf");
        afterChange.Headers.IfNoneMatch.Add(etag);
        var changed = await _client.SendAsync(afterChange);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        using var pdf = new BookletPdf(await changed.Content.ReadAsByteArrayAsync());
        Assert.Contains("Scaling Limits for Learning: Dynamics, Statics and Élan", pdf.AllText);
    }

    [Fact]
    public async Task Personal_booklet_holds_the_chosen_talks_and_leaves_out_unknown_numbers()
    {
        var response = await _client.GetAsync("/booklet.pdf?talks=2,3,999");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("theory-ai-workshop-personal-programme.pdf", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var pdf = new BookletPdf(await response.Content.ReadAsByteArrayAsync());
        var text = pdf.AllText;
        Assert.Contains("Scaling Limits for Learning: Dynamics and Statics", text);
        Assert.Contains("Causal Inference Meets Quantum Physics", text);
        Assert.DoesNotContain("Towards a “Theoretical Minimum” for Physicists in AI", text);
        Assert.Contains("2 talks chosen", text);
    }

    [Fact]
    public async Task Selection_may_come_as_repeated_parameters_like_a_checkbox_form_sends()
    {
        var response = await _client.GetAsync("/booklet.pdf?talks=3&talks=9");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = new BookletPdf(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(
            ["Causal Inference Meets Quantum Physics", "Architectural bias in a transport-based generative model : an asymptotic perspective"],
            pdf.Bookmarks().Where(b => b.Level == 1).Select(b => b.Title));
    }

    [Theory]
    [InlineData("/booklet.pdf?talks=2,abc", "not a talk number")]
    [InlineData("/booklet.pdf?talks=2,3.5", "not a talk number")]
    [InlineData("/booklet.pdf?talks=-3", "not a talk number")]
    [InlineData("/booklet.pdf?paper=a3", "Unknown paper size")]
    public async Task Bad_requests_get_400_with_a_clear_message(string url, string message)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Absurdly_long_selections_get_400()
    {
        var tooMany = string.Join(',', Enumerable.Range(1, 201));
        var response = await _client.GetAsync($"/booklet.pdf?talks={tooMany}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 200", await response.Content.ReadAsStringAsync());

        var tooLong = "1," + new string('0', 2100) + "1";
        response = await _client.GetAsync($"/booklet.pdf?talks={tooLong}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("too long", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Programme_and_home_pages_link_to_the_booklet()
    {
        foreach (var url in new[] { "/", "/programme" })
        {
            var html = await _client.GetStringAsync(url);
            Assert.Contains("href=\"/booklet.pdf\"", html);
            Assert.Contains("Download the programme booklet (PDF)", html);
        }
    }
}
