using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using TheoryAI.Tests.Infrastructure;

namespace TheoryAI.Tests.Security;

/// <summary>Issue 10 item 12: behind a known proxy each client has its own rate limit; keys live beside the store.</summary>
[Trait("Store", TestStore.SqliteOnly)]
public sealed class ProxyAndKeysTests
{
    /// <summary>Every request arrives from 10.0.0.1, the proxy named in Proxy:KnownProxies, with one attempt a minute.</summary>
    private sealed class BehindProxySite() : OrganizerSite(1)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Proxy:KnownProxies:0", "10.0.0.1");
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, FromProxy>());
        }
    }

    private sealed class FromProxy : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse("10.0.0.1");
                return following(context);
            });
            next(app);
        };
    }

    private static async Task<HttpStatusCode> AttemptAsync(OrganizerSite site, string clientAddress)
    {
        var client = site.NewClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        return (await OrganizerSite.SignInAsync(client, "someone@example.org", "a guessed password")).StatusCode;
    }

    [Fact]
    public async Task Behind_a_known_proxy_each_client_has_its_own_login_limit()
    {
        using var site = new BehindProxySite();
        Assert.Equal(HttpStatusCode.OK, await AttemptAsync(site, "203.0.113.7"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await AttemptAsync(site, "203.0.113.7"));

        Assert.Equal(HttpStatusCode.OK, await AttemptAsync(site, "198.51.100.9"));
    }

    [Fact]
    public async Task Data_protection_keys_are_kept_beside_the_store()
    {
        var folder = Path.Combine(Path.GetTempPath(), "theoryai-tests", Guid.NewGuid().ToString("N"));
        try
        {
            using (var site = new SiteFactory(Path.Combine(folder, "site.db")))
            {
                var login = await site.CreateClient().GetAsync("/account/login");
                Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            }
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(folder, "keys"), "key-*.xml"));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
