using System.Net;
using Microsoft.AspNetCore.Http;
using TheoryAI.Tests.Infrastructure;

namespace TheoryAI.Tests.Security;

/// <summary>Issue 10 item 9: hostile requests get 4xx answers, never a 500 or a broken status line.</summary>
public sealed class RequestFilterTests(SeededSite site) : IClassFixture<SeededSite>
{
    [Theory]
    [InlineData("/programme")]
    [InlineData("/")]
    [InlineData("/calendar.ics")]
    public async Task Trace_is_refused_with_405(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Trace, path);
        var response = await site.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Theory]
    [InlineData("/programme", "example.org:99999")]
    [InlineData("/calendar.ics", "example.org:99999")]
    [InlineData("/agenda", "example.org:99999")]
    [InlineData("/programme", "")]
    [InlineData("/calendar.ics", "")]
    [InlineData("/agenda", "")]
    public async Task A_malformed_host_is_refused_with_400(string path, string host)
    {
        var context = await site.Factory.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = path;
            c.Request.Host = new HostString(host);
        });
        Assert.Equal(StatusCodes.Status400BadRequest, context.Response.StatusCode);
    }

    [Theory]
    [InlineData("/programme")]
    [InlineData("/calendar.ics")]
    [InlineData("/agenda")]
    public async Task A_host_with_a_300_character_label_is_refused_with_400(string path)
    {
        var context = await site.Factory.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = path;
            c.Request.Host = new HostString(new string('a', 300) + ".example.org");
        });
        Assert.Equal(StatusCodes.Status400BadRequest, context.Response.StatusCode);
    }

    [Fact]
    public async Task A_whitespace_speaker_slug_is_not_found()
    {
        var response = await site.Client.GetAsync("/speakers/%20");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/error/0")]
    [InlineData("/error/200")]
    [InlineData("/error/999")]
    public async Task The_error_page_answers_only_for_real_error_codes(string path)
    {
        var response = await site.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_real_error_code_still_shows_its_page()
    {
        var response = await site.Client.GetAsync("/error/404");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync());
    }
}
