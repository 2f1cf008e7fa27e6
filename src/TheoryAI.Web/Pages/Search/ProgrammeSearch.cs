using System.Globalization;
using TheoryAI.Web.Data;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Pages.Search;

/// <summary>The kinds the programme can be narrowed to: "talks", "discussions" (with remarks) and "breaks" (with meals,
/// registration and socials).</summary>
public static class SearchKinds
{
    public static readonly IReadOnlyList<(string Value, string Label)> All =
        [("", "Everything"), ("talks", "Talks"), ("discussions", "Discussions"), ("breaks", "Breaks and meals")];

    public static bool Matches(string? kind, ProgrammeEntry entry) => kind switch
    {
        "talks" => entry.Kind == SessionKind.Talk,
        "discussions" => entry.Kind is SessionKind.Discussion or SessionKind.Remarks,
        "breaks" => entry.IsIntermission,
        _ => true,
    };

    public static string? Normalise(string? kind) => All.Any(k => k.Value != "" && k.Value == kind) ? kind : null;
}

public sealed record SearchResults(string Query, string? Kind, IReadOnlyList<ProgrammeEntry> Entries, IReadOnlyList<SpeakerInfo> Speakers)
{
    public bool Asked => Query.Length > 0 || Kind is not null;
    public int Count => Entries.Count + Speakers.Count;
}

/// <summary>One box over the programme: every word must appear (case and accents ignored) in a block's title, its
/// speakers' names or affiliations, its abstract or its room; speakers match by name, affiliation or bio.</summary>
public static class ProgrammeSearch
{
    public const int MaxQueryLength = 200;
    private const CompareOptions Loose = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace;

    public static SearchResults Run(ProgrammeSnapshot programme, string? query, string? kind)
    {
        var q = (query ?? "").Trim();
        if (q.Length > MaxQueryLength)
        {
            q = q[..MaxQueryLength];
        }
        kind = SearchKinds.Normalise(kind);
        var words = q.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0 && kind is null)
        {
            return new SearchResults(q, kind, [], []);
        }
        var entries = programme.Entries
            .Where(e => SearchKinds.Matches(kind, e) && ContainsAll(EntryText(e), words))
            .ToList();
        // Speakers are people, not a kind of block: they are listed when the search is for words over everything.
        var speakers = words.Length == 0 || kind is not null ? [] : programme.Speakers
            .Where(s => ContainsAll(string.Join(' ', s.Name, s.Affiliation, MarkdownRenderer.ToPlainText(s.BioMarkdown)), words))
            .ToList();
        return new SearchResults(q, kind, entries, speakers);
    }

    private static string EntryText(ProgrammeEntry e) => string.Join(' ',
        e.Title,
        e.Room?.DisplayName,
        e.Talk is null ? "" : string.Join(' ', e.Talk.Speakers.Select(s => $"{s.Name} {s.Affiliation}")),
        MarkdownRenderer.ToPlainText(e.Talk?.AbstractMarkdown));

    private static bool ContainsAll(string text, string[] words) =>
        words.All(w => Display.Culture.CompareInfo.IndexOf(text, w, Loose) >= 0);
}
