using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TheoryAI.Tests.Infrastructure;

namespace TheoryAI.Tests.Security;

/// <summary>
/// Authentication runs only for requests that carry a credential: an anonymous request (every attendee, every
/// calendar app) is never authenticated, which keeps a cached public view cheap, while organizers sign in, stay
/// signed in and an anonymous request to the admin area is still sent to the login page.
/// </summary>
public sealed class AuthenticationScopeTests
{
    [Fact]
    public async Task Only_requests_that_carry_a_credential_are_authenticated()
    {
        await using var site = new CountingSite();
        var anonymous = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        foreach (var path in new[] { "/programme", "/programme", "/talks/2", "/calendar.ics", "/schedule.xml" })
        {
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(path)).StatusCode);
        }
        var refused = await anonymous.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/account/login", new Uri(anonymous.BaseAddress!, refused.Headers.Location!).AbsolutePath);
        Assert.Equal(0, site.Authentications);

        var organizer = await site.SignedInOrganizerAsync("scope@example.org");
        var before = site.Authentications;
        var admin = await organizer.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.True(site.Authentications > before, "a request with the sign-in cookie is authenticated");

        // A cookie the site does not know still goes through authentication (and finds no one).
        var withCookie = new HttpRequestMessage(HttpMethod.Get, "/programme");
        withCookie.Headers.Add("Cookie", "theme=dark");
        before = site.Authentications;
        Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(withCookie)).StatusCode);
        Assert.Equal(before + 1, site.Authentications);
    }

    /// <summary>The seeded site with the framework's authentication service wrapped to count authentications.</summary>
    private sealed class CountingSite : OrganizerSite
    {
        private int _authentications;

        public int Authentications => Volatile.Read(ref _authentications);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.TryAddScoped<AuthenticationService>();
                services.Replace(ServiceDescriptor.Scoped<IAuthenticationService>(sp =>
                    new CountingAuthentication(sp.GetRequiredService<AuthenticationService>(), () => Interlocked.Increment(ref _authentications))));
            });
        }
    }

    private sealed class CountingAuthentication(IAuthenticationService inner, Action counted) : IAuthenticationService
    {
        public Task<AuthenticateResult> AuthenticateAsync(HttpContext context, string? scheme)
        {
            counted();
            return inner.AuthenticateAsync(context, scheme);
        }

        public Task ChallengeAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) =>
            inner.ChallengeAsync(context, scheme, properties);

        public Task ForbidAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) =>
            inner.ForbidAsync(context, scheme, properties);

        public Task SignInAsync(HttpContext context, string? scheme, ClaimsPrincipal principal, AuthenticationProperties? properties) =>
            inner.SignInAsync(context, scheme, principal, properties);

        public Task SignOutAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) =>
            inner.SignOutAsync(context, scheme, properties);
    }
}
