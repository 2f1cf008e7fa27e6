using Microsoft.EntityFrameworkCore;
using TheoryAI.Web.Data;

namespace TheoryAI.Web.Programme;

/// <summary>
/// Reads the programme. The public sees only releases: <see cref="GetAsync"/> is the latest release, rebuilt from its
/// frozen JSON only when a newer release exists (one cheap query asks for the latest number, once after each change
/// this process sees), so every page, feed and booklet of one release shares one load. Organizers' unpublished edits are <see cref="GetDraftAsync"/>.
/// </summary>
public sealed class ProgrammeReader(ConferenceDb db, ProgrammeSnapshotCache cache)
{
    private static readonly Func<ConferenceDb, CancellationToken, Task<int?>> LatestNumber =
        EF.CompileAsyncQuery((ConferenceDb db, CancellationToken _) =>
            db.Releases.Max(r => (int?)r.Number));

    /// <summary>The number of the latest release (what the public sees), or null before the first.</summary>
    public async Task<long?> GetVersionAsync(CancellationToken cancellationToken = default) =>
        await LatestNumber(db, cancellationToken);

    /// <summary>The latest release; throws if the store holds none (start-up seeds one).</summary>
    public async Task<ProgrammeSnapshot> GetAsync(CancellationToken cancellationToken = default)
    {
        // Read before the version: a change seen while this call reads leaves what it confirms unconfirmed.
        var changes = cache.Changes;
        if (cache.Confirmed is { } confirmed)
        {
            return confirmed;
        }
        var version = await GetVersionAsync(cancellationToken)
            ?? throw new InvalidOperationException("The store holds no published programme: start the site once to import the seed, or run the 'seed' command.");
        var cached = cache.Current;
        if (cached is not null && cached.Version == version)
        {
            cache.Confirm(cached, changes);
            return cached;
        }
        await cache.Gate.WaitAsync(cancellationToken);
        try
        {
            cached = cache.Current;
            if (cached is not null && cached.Version == version)
            {
                cache.Confirm(cached, changes);
                return cached;
            }
            var snapshot = await LoadReleaseAsync(db, (int)version, cancellationToken)
                ?? throw new InvalidOperationException($"Release {version} disappeared while it was read.");
            cache.Confirm(snapshot, changes);
            return snapshot;
        }
        finally
        {
            cache.Gate.Release();
        }
    }

    /// <summary>The draft: what organizers have edited, published or not (for the admin area only; never cached).</summary>
    public Task<ProgrammeSnapshot> GetDraftAsync(CancellationToken cancellationToken = default) => LoadAsync(db, cancellationToken);

    /// <summary>An earlier release, as published (for "what changed since"), or null.</summary>
    public Task<ProgrammeSnapshot?> GetReleaseAsync(int number, CancellationToken cancellationToken = default) =>
        LoadReleaseAsync(db, number, cancellationToken);

    /// <summary>Release <paramref name="number"/>, or null when there is none.</summary>
    public static async Task<ProgrammeSnapshot?> LoadReleaseAsync(ConferenceDb db, int number, CancellationToken cancellationToken = default)
    {
        var json = await db.Releases.AsNoTracking().Where(r => r.Number == number).Select(r => r.ProgrammeJson).SingleOrDefaultAsync(cancellationToken);
        return json is null ? null : ReleaseDocument.FromJson(json).ToSnapshot(number);
    }

    /// <summary>Loads the snapshot straight from the store: one query per table, no N+1, in one read transaction (the
    /// caller's, if it holds one).</summary>
    public static async Task<ProgrammeSnapshot> LoadAsync(ConferenceDb db, CancellationToken cancellationToken = default)
    {
        await using var transaction = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;
        var ev = await db.Events.AsNoTracking().SingleAsync(cancellationToken);
        var people = await db.EventPeople.AsNoTracking().OrderBy(p => p.Position).ToListAsync(cancellationToken);
        var rooms = (await db.Rooms.AsNoTracking().ToListAsync(cancellationToken))
            .Select(r => new RoomInfo(r.Id, r.Code, r.Name, r.Capacity))
            .OrderBy(r => r.Code, StringComparer.Ordinal)
            .ToList();
        var days = await db.Days.AsNoTracking().Select(d => new DayInfo(d.Date, d.Title)).ToListAsync(cancellationToken);
        // The photo's hash only, never its bytes.
        var speakers = (await db.Speakers.AsNoTracking()
                .Select(s => new { s.Id, s.Slug, s.Name, s.Affiliation, s.HomepageUrl, s.BioMarkdown, PhotoHash = s.Photo == null ? null : s.Photo.Hash })
                .ToListAsync(cancellationToken))
            .Select(s => new SpeakerInfo(s.Id, s.Slug, s.Name, s.Affiliation, s.HomepageUrl, s.BioMarkdown, s.PhotoHash))
            .ToList();
        var sessions = await db.Sessions.AsNoTracking().ToListAsync(cancellationToken);
        // The images' media types only, never their bytes; no query when the event has none.
        var images = ev.LogoHash is null && ev.HeaderImageHash is null ? []
            : await db.EventImages.AsNoTracking().Where(i => i.Hash == ev.LogoHash || i.Hash == ev.HeaderImageHash)
                .Select(i => new EventImageInfo(i.Hash, i.ContentType)).ToListAsync(cancellationToken);
        var talks = await db.Talks.AsNoTracking().ToListAsync(cancellationToken);
        var talkSpeakers = await db.TalkSpeakers.AsNoTracking().ToListAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(ev.TimeZoneId);
        var eventInfo = new EventInfo(ev.Name, ev.StartDate, ev.EndDate, zone, ev.Venue, ev.Address, ev.Host, ev.Url,
            ev.DescriptionMarkdown, ev.CompanionName, ev.CompanionUrl,
            people.Where(p => p.Role == EventRole.Organizer).Select(p => new PersonInfo(p.Name, p.Affiliation)).ToList(),
            people.Where(p => p.Role == EventRole.AdvisoryCommittee).Select(p => new PersonInfo(p.Name, p.Affiliation)).ToList())
        {
            DirectionsMarkdown = ev.DirectionsMarkdown,
            Look = EventLook.Create(ev.Name, ev.Accent, ev.Tagline, ev.ShortName,
                images.FirstOrDefault(i => i.Hash == ev.LogoHash), images.FirstOrDefault(i => i.Hash == ev.HeaderImageHash)),
        };

        var roomsById = rooms.ToDictionary(r => r.Id);
        var speakersById = speakers.ToDictionary(s => s.Id);
        var speakersByTalk = talkSpeakers.ToLookup(ts => ts.TalkId);
        var talksBySession = talks.ToDictionary(t => t.SessionId, t => new TalkInfo(
            t.Number, t.Type, t.AbstractMarkdown, t.RecordingUrl,
            speakersByTalk[t.Id].OrderBy(ts => ts.Position).Select(ts => speakersById[ts.SpeakerId]).ToList()));

        var entries = sessions.Select(s => new ProgrammeEntry(
                s.Id, s.Kind, s.Title, s.Start, s.End,
                EventClock.ToInstant(s.Start, zone), EventClock.ToInstant(s.End, zone),
                s.RoomId is int roomId ? roomsById[roomId] : null,
                talksBySession.GetValueOrDefault(s.Id),
                s.Sequence, s.LastModifiedUtc)
        { Cancelled = s.Cancelled })
            .ToList();

        return new ProgrammeSnapshot(ev.ProgrammeVersion, eventInfo, rooms, days, entries, speakers);
    }
}

/// <summary>Holds the snapshot of the latest version seen (a singleton).</summary>
public sealed class ProgrammeSnapshotCache
{
    // The snapshot and how many changes this process had seen when its version was read as the store's latest. It is
    // taken as the latest until this process sees a change: its own saves, or a writer in another process seen by
    // ExternalWriterWatch. So the renders of one release after the first (a miss the output cache's locking did not
    // coalesce, each new agenda) make no query.
    private sealed record Entry(ProgrammeSnapshot Snapshot, long Changes);

    private long _changes;
    private volatile Entry? _entry;

    internal SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>How many changes this process has seen (<see cref="Invalidate"/>).</summary>
    internal long Changes => Interlocked.Read(ref _changes);

    /// <summary>The snapshot last read, or null after a change until the next read.</summary>
    public ProgrammeSnapshot? Current => _entry?.Snapshot;

    /// <summary>The snapshot whose version was read as the store's latest with no change seen since; otherwise null.</summary>
    internal ProgrammeSnapshot? Confirmed => _entry is { } entry && entry.Changes == Changes ? entry.Snapshot : null;

    /// <summary>Records that the store's latest version is <paramref name="snapshot"/>'s, as read after
    /// <paramref name="changesBefore"/> changes.</summary>
    internal void Confirm(ProgrammeSnapshot snapshot, long changesBefore)
    {
        _entry = new Entry(snapshot, changesBefore);
        LastEvent = snapshot.Event;
    }

    /// <summary>The programme changed: drops the snapshot.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _changes);
        _entry = null;
    }

    /// <summary>The event as last loaded, kept when the snapshot is dropped: the cache policy decides from its dates
    /// whether pages vary by the "now" slot without a query on every request.</summary>
    public EventInfo? LastEvent { get; private set; }
}
