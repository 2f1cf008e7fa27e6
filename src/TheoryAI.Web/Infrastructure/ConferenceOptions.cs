using System.ComponentModel.DataAnnotations;

namespace TheoryAI.Web.Infrastructure;

/// <summary>Settings under "Conference" in configuration.</summary>
public sealed class ConferenceOptions
{
    public const string Section = "Conference";

    /// <summary>The seed file imported into an empty store; relative paths are resolved against the app's folder.</summary>
    [Required]
    public string SeedFile { get; set; } = "seed-data/programme.yaml";

    /// <summary>Whether start-up migrates the store and imports the seed into an empty store.</summary>
    public bool SeedOnStart { get; set; } = true;

    /// <summary>Where the site is published (e.g. https://workshop.example.org/), for absolute links in feeds and
    /// downloads. When unset, the request's own scheme and host are used.</summary>
    [Url]
    public string? PublicBaseUrl { get; set; }

    /// <summary>How often the programme version is read to see writers outside this process (<c>seed --replace</c>
    /// on a live site); zero turns the check off. The site's own saves evict the cache at once.</summary>
    public TimeSpan ExternalWriterCheck { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The path the site is published under behind a proxy (e.g. "/theory-ai"); every link follows it.
    /// Empty when the site is at the root.</summary>
    [RegularExpression("^(/[^/?#]+)*$", ErrorMessage = "Conference:PathBase must start with '/' and not end with one, e.g. /theory-ai.")]
    public string? PathBase { get; set; }

    /// <summary>A folder the node keeps the visitor-independent views in as files (publish-static), rewritten on every
    /// change of the programme, for nginx or a CDN to serve. Unset: nothing is written.</summary>
    public string? StaticOutput { get; set; }

    /// <summary>Whether requests run on the socket threads, cached views served there without a thread switch
    /// (<see cref="SocketScheduling"/>). Applies to a node on Sqlite without StaticOutput; false turns it off.</summary>
    public bool InlineSocketScheduling { get; set; } = true;

    public string ResolveSeedFile() =>
        Path.IsPathRooted(SeedFile) ? SeedFile : Path.Combine(AppContext.BaseDirectory, SeedFile);
}
