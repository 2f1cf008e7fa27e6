using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace TheoryAI.Web.Programme;

/// <summary>
/// The output-cache policy every public view of the programme uses, and the ETag those views send. A view opts in
/// with one line: <c>[OutputCache(PolicyName = ProgrammeCache.Policy)]</c> on a page model, or
/// <c>.CacheProgramme("key", ...)</c> on an endpoint, naming the query keys the view reads (any other key is ignored,
/// so <c>?r=random</c> cannot fill the memory).
/// </summary>
public static class ProgrammeCache
{
    public const string Policy = "programme";
    public const string Tag = "programme";

    /// <summary>Caches the endpoint with the programme policy; only <paramref name="queryKeys"/> vary the response.</summary>
    public static TBuilder CacheProgramme<TBuilder>(this TBuilder builder, params string[] queryKeys)
        where TBuilder : IEndpointConventionBuilder =>
        builder.CacheOutput(Policy).WithMetadata(new ProgrammeQueryKeysAttribute(queryKeys));

    /// <summary>
    /// The one rule for addresses that carry their content's version (<c>?v=</c>: a photo's or logo's hash, the look's,
    /// a static file's): at the current version the bytes never change, so clients keep them a year; at any other
    /// address they ask again each time.
    /// </summary>
    public static void SetLifetime(HttpContext http, string? version) =>
        http.Response.Headers.CacheControl = version is not null && http.Request.Query["v"] == version
            ? "public, max-age=31536000, immutable"
            : "public, no-cache";

    /// <summary>
    /// Sets the view's weak ETag from the programme version, the "now" slot the policy chose, the request's path and
    /// the query keys the view reads. Returns true when the client already holds this view: answer 304.
    /// </summary>
    public static bool SetETag(HttpContext http, ProgrammeSnapshot programme, string variant = "", string? mediaType = null)
    {
        if (Infrastructure.ProgrammeCachePolicy.MayBePersonal(http))
        {
            // A personal response is neither cached nor revalidated.
            return false;
        }
        var slot = http.Items[SlotItem] as string ?? "all";
        var build = typeof(ProgrammeCache).Assembly.ManifestModule.ModuleVersionId;
        var declared = http.GetEndpoint()?.Metadata.GetMetadata<ProgrammeQueryKeysAttribute>()?.Keys ?? [];
        // Files name their selection in the variant, normalised (talks=3,2 is talks=2,3); pages by their query keys.
        var query = mediaType is null ? string.Join('&', declared.Select(k => $"{k}={http.Request.Query[k]}")) : "";
        var key = $"{http.Request.PathBase}{http.Request.Path}|{query}|{variant}|{slot}|{build}";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];
        var opaque = $"{programme.Version.ToString(CultureInfo.InvariantCulture)}-{hash}";
        string tag;
        if (mediaType is null)
        {
            // Pages: weak, as the plain, gzip and br copies are the same page in meaning but not in bytes.
            tag = $"W/\"{opaque}\"";
        }
        else
        {
            // Files: strong, so they name the encoding they go out in (a strong tag differs per representation).
            http.Response.ContentType = mediaType;
            var compression = http.RequestServices.GetService<IResponseCompressionProvider>();
            var encoding = compression is not null && compression.CheckRequestAcceptsCompression(http) && compression.ShouldCompressResponse(http)
                ? compression.GetCompressionProvider(http)?.EncodingName
                : null;
            opaque = encoding is null ? opaque : $"{opaque}-{encoding}";
            tag = $"\"{opaque}\"";
        }
        var response = http.Response;
        response.Headers.ETag = tag;
        // Clients may keep the view but must ask again; the ETag makes asking cheap.
        response.Headers.CacheControl = "public, no-cache";
        response.OnStarting(static state =>
        {
            var r = (HttpResponse)state;
            if (r.StatusCode is not (StatusCodes.Status200OK or StatusCodes.Status304NotModified))
            {
                r.Headers.Remove(HeaderNames.ETag);
            }
            return Task.CompletedTask;
        }, response);

        foreach (var value in http.Request.Headers.IfNoneMatch)
        {
            foreach (var candidate in (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                // If-None-Match compares weakly.
                if (candidate == "*" || (candidate.StartsWith("W/", StringComparison.Ordinal) ? candidate[2..] : candidate) == $"\"{opaque}\"")
                {
                    return true;
                }
            }
        }
        return false;
    }

    internal const string SlotItem = "ProgrammeCache.Slot";
}

/// <summary>The query keys a cached view reads, e.g. <c>[ProgrammeQueryKeys("talks")]</c> next to a page's cache
/// attribute; without it the query string is ignored by the cache.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ProgrammeQueryKeysAttribute(params string[] keys) : Attribute
{
    public string[] Keys { get; } = keys;
}
