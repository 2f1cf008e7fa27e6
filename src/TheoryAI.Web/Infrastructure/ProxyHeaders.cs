using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace TheoryAI.Web.Infrastructure;

/// <summary>
/// Behind a TLS-terminating proxy the site sees the proxy's address and plain HTTP. X-Forwarded-For and
/// X-Forwarded-Proto are believed only from the proxies listed in Proxy:KnownProxies (addresses) and
/// Proxy:KnownNetworks (CIDR, e.g. 172.16.0.0/12 for a Docker network); loopback is always trusted. Then the client's
/// address is what the login rate limit partitions on and logs name, and HTTPS gives Secure cookies and HSTS.
/// </summary>
public static class ProxyHeaders
{
    public static IServiceCollection AddProxyHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in configuration.GetSection("Proxy:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            foreach (var network in configuration.GetSection("Proxy:KnownNetworks").Get<string[]>() ?? [])
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }
}
