using System.Net;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TheoryAI.Tests.Infrastructure;

namespace TheoryAI.Tests.Pages.Admin;

public sealed class AdminSecurityTests(OrganizerSite site) : IClassFixture<OrganizerSite>
{
    /// <summary>Every page route under /admin and /account, from the app's own endpoints, with its parameters filled in.</summary>
    private List<string> ProtectedUrls()
    {
        var endpoints = site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.OfType<PageActionDescriptor>().Any())
            .Select(e => e.RoutePattern)
            .ToList();
        var urls = endpoints
            .Where(p => p.RawText is { } raw && (raw.StartsWith("admin", StringComparison.OrdinalIgnoreCase) || raw.StartsWith("account", StringComparison.OrdinalIgnoreCase)))
            .Select(p => "/" + string.Join("/", p.PathSegments.Select(s => string.Concat(s.Parts.Select(part => part switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart l => l.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart => "1",
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart sep => sep.Content,
                _ => "",
            })))))
            // The sign-in pages themselves (the password, then the code step) are open to anyone.
            .Where(u => u is not ("/account/login" or "/account/login/two-factor" or "/account/access-denied"))
            .Distinct()
            .ToList();
        return urls;
    }

    [Fact]
    public void The_endpoint_list_covers_the_admin_area()
    {
        var urls = ProtectedUrls();
        Assert.Contains("/admin", urls);
        Assert.Contains("/admin/talks/edit/1", urls);
        Assert.Contains("/admin/sessions/edit/1", urls);
        Assert.Contains("/admin/rooms/edit/1", urls);
        Assert.Contains("/admin/speakers/edit/1", urls);
        Assert.Contains("/admin/event", urls);
        Assert.Contains("/account/logout", urls);
        Assert.True(urls.Count >= 9, string.Join(", ", urls));
    }

    [Fact]
    public async Task Anonymous_requests_to_every_admin_page_are_sent_to_sign_in()
    {
        var client = site.NewClient();
        foreach (var url in ProtectedUrls())
        {
            foreach (var request in new[] { new HttpRequestMessage(HttpMethod.Get, url), new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent([]) } })
            {
                var response = await client.SendAsync(request);
                Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden,
                    $"{request.Method} {url} answered {(int)response.StatusCode}");
                if (response.StatusCode == HttpStatusCode.Redirect)
                {
                    Assert.StartsWith("/account/login", response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.PathAndQuery : response.Headers.Location.OriginalString);
                }
            }
        }
    }

    [Fact]
    public async Task Posts_without_an_antiforgery_token_are_rejected_even_for_an_organizer()
    {
        var client = await site.SignedInOrganizerAsync("token-check@example.org");
        foreach (var url in ProtectedUrls())
        {
            foreach (var target in new[] { url, url + "?handler=Delete", url + "?handler=KeepMine" })
            {
                var response = await client.PostAsync(target, new FormUrlEncodedContent([new("Input.Title", "Hijacked")]));
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {target} answered {(int)response.StatusCode}");
            }
        }
        var programme = await (await site.NewClient().GetAsync("/programme")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Hijacked", programme);
    }

    [Fact]
    public async Task A_signed_in_user_without_the_organizer_role_is_refused()
    {
        var email = await site.AddPlainUserAsync("attendee@example.org");
        var client = site.NewClient();
        var signIn = await OrganizerSite.SignInAsync(client, email);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        foreach (var url in ProtectedUrls().Where(u => u.StartsWith("/admin")))
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/access-denied")),
                $"GET {url} answered {(int)response.StatusCode} {response.Headers.Location}");
        }
        var denied = await client.GetAsync("/account/access-denied");
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("not an organizer", await denied.Content.ReadAsStringAsync());
    }
}
