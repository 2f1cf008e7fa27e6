using System.Globalization;
using Microsoft.EntityFrameworkCore;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.EventEmitters;
using YamlDotNet.Serialization.NamingConventions;

namespace TheoryAI.Web.Data.Seed;

/// <summary>
/// The other direction of <see cref="SeedReader"/>: the programme in the store as a <see cref="SeedFile"/>, and a
/// <see cref="SeedFile"/> as YAML in the seed-data/SCHEMA.md format (multi-line text as literal blocks, times and
/// dates quoted), so organizers can keep the programme in version control and import it again.
/// </summary>
public static class SeedFileWriter
{
    private static readonly ISerializer Yaml = new SerializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull | DefaultValuesHandling.OmitEmptyCollections)
        .WithQuotingNecessaryStrings()
        .WithEventEmitter(next => new LiteralMultilineEmitter(next))
        .DisableAliases()
        .Build();

    public static string ToYaml(SeedFile file) =>
        "# Programme exported in the seed file format (seed-data/SCHEMA.md).\n" + Yaml.Serialize(file);

    /// <summary>
    /// Writes the programme as a seed file at <paramref name="yamlPath"/> and the event's images beside it
    /// ("programme-logo.svg", "programme-header-image.jpg" for "programme.yaml"), under the names the file gives them,
    /// so importing the written file gives the same programme and the same image bytes.
    /// </summary>
    /// <returns>The files written, the seed file first.</returns>
    public static async Task<IReadOnlyList<string>> WriteAsync(ConferenceDb db, string yamlPath, CancellationToken cancellationToken = default)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(yamlPath))!;
        var prefix = Path.GetFileNameWithoutExtension(yamlPath) + "-";
        var file = await FromStoreAsync(db, prefix, cancellationToken);
        var written = new List<string> { Path.GetFullPath(yamlPath) };
        await File.WriteAllTextAsync(yamlPath, ToYaml(file), cancellationToken);
        foreach (var (name, hash) in new[] { (file.Event!.Logo, await HashAsync(db, e => e.LogoHash, cancellationToken)),
                                             (file.Event.HeaderImage, await HashAsync(db, e => e.HeaderImageHash, cancellationToken)) })
        {
            if (name is null || hash is null)
            {
                continue;
            }
            var content = await db.EventImages.AsNoTracking().Where(i => i.Hash == hash).Select(i => i.Content).SingleAsync(cancellationToken);
            var path = Path.Combine(folder, name);
            await File.WriteAllBytesAsync(path, content, cancellationToken);
            written.Add(path);
        }
        return written;
    }

    private static Task<string?> HashAsync(ConferenceDb db, System.Linq.Expressions.Expression<Func<ConferenceEvent, string?>> hash, CancellationToken cancellationToken) =>
        db.Events.AsNoTracking().Select(hash).SingleAsync(cancellationToken);

    /// <summary>Reads the whole programme of the store (event, people, rooms, speakers, days, entries) in seed form;
    /// the event's images are named "{imagePrefix}logo.svg" and so on (<see cref="WriteAsync"/> writes them).</summary>
    public static async Task<SeedFile> FromStoreAsync(ConferenceDb db, string imagePrefix = "", CancellationToken cancellationToken = default)
    {
        var ev = await db.Events.AsNoTracking().Include(e => e.People).SingleAsync(cancellationToken);
        var imageTypes = await db.EventImages.AsNoTracking().Where(i => i.Hash == ev.LogoHash || i.Hash == ev.HeaderImageHash)
            .ToDictionaryAsync(i => i.Hash, i => i.ContentType, cancellationToken);
        string? ImageName(string? hash, string name) => hash is null ? null
            : $"{imagePrefix}{name}.{Programme.EventImageRules.ExtensionOf(imageTypes[hash])}";
        var rooms = await db.Rooms.AsNoTracking().OrderBy(r => r.Code).ToListAsync(cancellationToken);
        var speakers = await db.Speakers.AsNoTracking().OrderBy(s => s.Slug).ToListAsync(cancellationToken);
        var days = await db.Days.AsNoTracking().OrderBy(d => d.Date).ToListAsync(cancellationToken);
        var sessions = await db.Sessions.AsNoTracking()
            .Include(s => s.Room)
            .Include(s => s.Talk).ThenInclude(t => t!.Speakers).ThenInclude(ts => ts.Speaker)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        var file = new SeedFile
        {
            Event = new SeedEvent
            {
                Name = ev.Name,
                StartDate = Date(ev.StartDate),
                EndDate = Date(ev.EndDate),
                TimeZone = ev.TimeZoneId,
                Venue = ev.Venue,
                Address = ev.Address,
                Host = ev.Host,
                Url = ev.Url,
                Companion = ev.CompanionName is null && ev.CompanionUrl is null ? null : new SeedCompanion { Name = ev.CompanionName, Url = ev.CompanionUrl },
                Description = ev.DescriptionMarkdown,
                Directions = ev.DirectionsMarkdown,
                Accent = ev.Accent,
                Tagline = ev.Tagline,
                ShortName = ev.ShortName,
                Logo = ImageName(ev.LogoHash, "logo"),
                HeaderImage = ImageName(ev.HeaderImageHash, "header-image"),
                Organizers = People(ev, EventRole.Organizer),
                AdvisoryCommittee = People(ev, EventRole.AdvisoryCommittee),
            },
            Rooms = rooms.Select(r => new SeedRoom { Code = r.Code, Name = r.Name, Capacity = r.Capacity }).ToList(),
            Speakers = speakers.Select(s => new SeedSpeaker { Slug = s.Slug, Name = s.Name, Affiliation = s.Affiliation, Homepage = s.HomepageUrl }).ToList(),
        };
        var byDate = sessions.ToLookup(s => DateOnly.FromDateTime(s.Start));
        foreach (var day in days)
        {
            file.Days.Add(new SeedDay
            {
                Date = Date(day.Date),
                Title = day.Title,
                Entries = byDate[day.Date]
                    .OrderBy(s => s.Start).ThenBy(s => s.End).ThenBy(s => s.Title, StringComparer.Ordinal).ThenBy(s => s.Room?.Code, StringComparer.Ordinal)
                    .Select(Entry).ToList(),
            });
        }
        return file;
    }

    private static SeedEntry Entry(Session session) => new()
    {
        Number = session.Talk?.Number,
        Kind = session.Kind.ToString().ToLowerInvariant(),
        Title = session.Title,
        Start = session.Start.ToString("HH:mm", CultureInfo.InvariantCulture),
        End = session.End.ToString("HH:mm", CultureInfo.InvariantCulture),
        Room = session.Room?.Code,
        Type = session.Talk?.Type,
        Speakers = session.Talk?.Speakers.OrderBy(ts => ts.Position).Select(ts => ts.Speaker.Slug).ToList() ?? [],
        Recording = session.Talk?.RecordingUrl,
        Abstract = session.Talk?.AbstractMarkdown,
        Source = session.Source,
        Inferred = session.InferredFields?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList() ?? [],
    };

    private static List<SeedPerson> People(ConferenceEvent ev, EventRole role) =>
        ev.People.Where(p => p.Role == role).OrderBy(p => p.Position)
            .Select(p => new SeedPerson { Name = p.Name, Affiliation = p.Affiliation }).ToList();

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Abstracts and descriptions as <c>|</c> blocks, the way people write them in the seed file.</summary>
    private sealed class LiteralMultilineEmitter(IEventEmitter next) : ChainedEventEmitter(next)
    {
        public override void Emit(ScalarEventInfo eventInfo, IEmitter emitter)
        {
            if (eventInfo.Source.Value is string text && text.Contains('\n', StringComparison.Ordinal))
            {
                eventInfo = new ScalarEventInfo(eventInfo.Source) { Style = ScalarStyle.Literal };
            }
            base.Emit(eventInfo, emitter);
        }
    }
}
