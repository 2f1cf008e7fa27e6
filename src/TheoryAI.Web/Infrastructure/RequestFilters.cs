namespace TheoryAI.Web.Infrastructure;

/// <summary>
/// Requests the site refuses before any page runs: TRACE (405; it only echoes the request back, which helps
/// cross-site tracing) and a Host header that is not a host name with an optional port in 1-65535 (400), which the
/// pages would otherwise put into the absolute links of the calendar feeds and the agenda.
/// </summary>
public static class RequestFilters
{
    public static IApplicationBuilder UseRequestFilters(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (HttpMethods.IsTrace(context.Request.Method))
            {
                context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                context.Response.Headers.Allow = "GET, HEAD, POST";
                return Task.CompletedTask;
            }
            if (!IsValidHost(context.Request.Host))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return Task.CompletedTask;
            }
            return next(context);
        });

    public static bool IsValidHost(HostString host)
    {
        if (!host.HasValue || string.IsNullOrWhiteSpace(host.Host))
        {
            return false;
        }
        var value = host.Value!;
        var colon = value.LastIndexOf(':');
        var closingBracket = value.LastIndexOf(']');
        if (colon > closingBracket)
        {
            // HostString.Port is null for an unreadable port: check the text itself.
            var port = value[(colon + 1)..];
            if (!int.TryParse(port, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
                || number is < 1 or > 65535)
            {
                return false;
            }
        }
        return Uri.CheckHostName(host.Host.Trim('[', ']')) != UriHostNameType.Unknown;
    }
}
