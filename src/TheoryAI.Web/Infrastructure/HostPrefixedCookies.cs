using Microsoft.AspNetCore.Authentication.Cookies;

namespace TheoryAI.Web.Infrastructure;

/// <summary>
/// Over HTTPS the sign-in cookie is named with the <c>__Host-</c> prefix, which browsers accept only with Secure, Path=/
/// and no Domain, so no other site or subdomain can plant or overwrite it. Plain HTTP (development) keeps the plain
/// name, which browsers would refuse with the prefix.
/// </summary>
public sealed class HostPrefixedCookies : ICookieManager
{
    public const string Prefix = "__Host-";
    private readonly ChunkingCookieManager _inner = new();

    private static string NameFor(HttpContext context, string key) => context.Request.IsHttps ? Prefix + key : key;

    public string? GetRequestCookie(HttpContext context, string key) => _inner.GetRequestCookie(context, NameFor(context, key));

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options) =>
        _inner.AppendResponseCookie(context, NameFor(context, key), value, options);

    public void DeleteCookie(HttpContext context, string key, CookieOptions options) =>
        _inner.DeleteCookie(context, NameFor(context, key), options);
}
