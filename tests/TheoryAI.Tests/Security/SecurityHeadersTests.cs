using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using TheoryAI.Tests.Infrastructure;
using TheoryAI.Tests.Pages;

namespace TheoryAI.Tests.Security;

public sealed class SecurityHeadersTests(SeededSite site) : IClassFixture<SeededSite>
{
    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/programme", HttpStatusCode.OK)]
    [InlineData("/talks/2", HttpStatusCode.OK)]
    [InlineData("/css/site.css", HttpStatusCode.OK)]
    [InlineData("/no/such/page", HttpStatusCode.NotFound)]
    public async Task Every_response_carries_the_security_headers(string url, HttpStatusCode status)
    {
        var response = await site.Client.GetAsync(url);
        Assert.Equal(status, response.StatusCode);
        var headers = response.Headers;

        var csp = Assert.Single(headers.GetValues("Content-Security-Policy"));
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d);
        Assert.Equal("default-src 'self'", directives["default-src"]);
        Assert.Equal("script-src 'self'", directives["script-src"]);
        Assert.Equal("style-src 'self'", directives["style-src"]);
        Assert.Equal("img-src 'self' data:", directives["img-src"]);
        Assert.Equal("frame-ancestors 'none'", directives["frame-ancestors"]);
        Assert.Equal("base-uri 'self'", directives["base-uri"]);
        Assert.Equal("form-action 'self'", directives["form-action"]);
        Assert.Equal("object-src 'none'", directives["object-src"]);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);

        Assert.Equal("nosniff", Assert.Single(headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task Hsts_is_sent_over_https_only()
    {
        var https = site.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://workshop.example/") });
        var secure = await https.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
        Assert.StartsWith("max-age=", Assert.Single(secure.Headers.GetValues("Strict-Transport-Security")));

        var plain = await site.Client.GetAsync("/");
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }
}
