namespace TheoryAI.Web.Infrastructure;

/// <summary>
/// Headers that tell browsers what the site's pages may do: scripts, styles and images only from the site itself
/// (no inline script, no eval), never inside a frame, no MIME sniffing, and only the origin as referrer elsewhere.
/// HSTS is added by UseHsts outside Development, when the request came over HTTPS.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; " +
        "base-uri 'self'; form-action 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // Set before the response starts, so error pages and static files carry them too.
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "DENY";
            return next(context);
        });
}
