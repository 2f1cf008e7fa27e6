using Microsoft.EntityFrameworkCore;
using TheoryAI.Web.Export.Calendar;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Data.Seed;

public enum SeedOutcome
{
    Imported,
    StoreAlreadyHoldsProgramme,
}

/// <summary>Brings the store up to date (migrations) and imports the seed file into an empty store, all or nothing.</summary>
public sealed class SeedImporter(ConferenceDb db, ILogger<SeedImporter> logger, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    private bool _holdsMigrationLock;

    /// <summary>
    /// Applies the migrations; a store made before releases existed gets its programme as release 1. Holds the store's
    /// migration lock (<see cref="StoreMigrationLock"/>) meanwhile, so processes starting at once migrate one by one.
    /// </summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var migrationLock = await LockAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        await Releases.EnsureFirstReleaseAsync(db, _clock, cancellationToken);
    }

    /// <summary>
    /// Start-up (and the <c>migrate</c> command): migrations, then the seed into an empty store, under one hold of the
    /// migration lock, so of nodes starting together on an empty store one migrates and imports and the others wait and
    /// find the programme there.
    /// </summary>
    public async Task<SeedOutcome> MigrateAndImportIfEmptyAsync(string seedPath, CancellationToken cancellationToken = default)
    {
        await using var migrationLock = await LockAsync(cancellationToken);
        await MigrateAsync(cancellationToken);
        return await ImportIfEmptyAsync(seedPath, cancellationToken);
    }

    /// <summary>Takes the migration lock unless this importer already holds it (then releasing is left to that holder).</summary>
    private async Task<IAsyncDisposable> LockAsync(CancellationToken cancellationToken)
    {
        if (_holdsMigrationLock)
        {
            return new Held(null);
        }
        var acquired = await StoreMigrationLock.AcquireAsync(db, cancellationToken);
        _holdsMigrationLock = true;
        return new Held(async () =>
        {
            _holdsMigrationLock = false;
            await acquired.DisposeAsync();
        });
    }

    private sealed class Held(Func<ValueTask>? release) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => release?.Invoke() ?? ValueTask.CompletedTask;
    }

    /// <summary>Imports the seed when the store holds no event; otherwise changes nothing, so organizers' edits survive.</summary>
    public async Task<SeedOutcome> ImportIfEmptyAsync(string seedPath, CancellationToken cancellationToken = default)
    {
        if (await db.Events.AnyAsync(cancellationToken))
        {
            logger.LogInformation("The store already holds a programme; the seed file was not imported.");
            return SeedOutcome.StoreAlreadyHoldsProgramme;
        }
        return await ImportIfEmptyAsync(SeedReader.Read(seedPath), Path.GetFileName(seedPath), cancellationToken);
    }

    /// <summary>Imports an already validated programme (from a seed file or a frab schedule) when the store holds no event.</summary>
    public async Task<SeedOutcome> ImportIfEmptyAsync(SeedProgramme programme, string sourceName, CancellationToken cancellationToken = default)
    {
        if (await db.Events.AnyAsync(cancellationToken))
        {
            logger.LogInformation("The store already holds a programme; {Source} was not imported.", sourceName);
            return SeedOutcome.StoreAlreadyHoldsProgramme;
        }
        // Two nodes starting at once on one empty store: the check and the import are one serialized write, so one
        // imports and the other sees its programme (Sqlite waits for the write lock; PostgreSQL fails the later
        // commit with a serialization failure or the insert with a unique-key violation; the programme is then there).
        try
        {
            await using var transaction = await ProgrammeWrite.BeginAsync(db, cancellationToken);
            if (await db.Events.AnyAsync(cancellationToken))
            {
                logger.LogInformation("The store already holds a programme; {Source} was not imported.", sourceName);
                return SeedOutcome.StoreAlreadyHoldsProgramme;
            }
            await AddAsync(programme, cancellationToken);
            await Releases.PublishAsync(db, null, null, $"import of {sourceName}", _clock.GetUtcNow().UtcDateTime, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateException || ProgrammeWrite.IsStoreFailure(e))
        {
            db.ChangeTracker.Clear();
            if (!await db.Events.AnyAsync(cancellationToken))
            {
                throw;
            }
            logger.LogInformation("Another node imported the programme at the same moment; {Source} was not imported.", sourceName);
            return SeedOutcome.StoreAlreadyHoldsProgramme;
        }
        logger.LogInformation("Imported {Sessions} sessions, {Speakers} speakers and {Rooms} rooms from {SeedFile}.",
            programme.Sessions.Count, programme.Speakers.Count, programme.Rooms.Count, sourceName);
        return SeedOutcome.Imported;
    }

    /// <summary>Removes the programme (not the accounts) and imports the seed again, in one transaction.</summary>
    public Task ReplaceAsync(string seedPath, CancellationToken cancellationToken = default) =>
        ReplaceAsync(SeedReader.Read(seedPath), cancellationToken);

    /// <summary>
    /// Removes the programme (not the accounts) and adds this validated one, in one transaction. Entries whose calendar
    /// UID persists (<see cref="CalendarUids"/>: a talk's number, a break's kind and time) keep what subscribers hold:
    /// their SEQUENCE (raised by one when the seed moves, re-rooms or retitles them, as an edit would), their
    /// LAST-MODIFIED when nothing changed, and their change history.
    /// </summary>
    public async Task ReplaceAsync(SeedProgramme programme, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var before = await db.Events.AnyAsync(cancellationToken) ? await ProgrammeReader.LoadAsync(db, cancellationToken) : null;
        var history = await db.Changes.AsNoTracking().Where(c => c.SessionId != null).ToListAsync(cancellationToken);
        await db.TalkSpeakers.ExecuteDeleteAsync(cancellationToken);
        await db.Talks.ExecuteDeleteAsync(cancellationToken);
        await db.Sessions.ExecuteDeleteAsync(cancellationToken);
        await db.Speakers.ExecuteDeleteAsync(cancellationToken);
        await db.Rooms.ExecuteDeleteAsync(cancellationToken);
        await db.Days.ExecuteDeleteAsync(cancellationToken);
        await db.EventPeople.ExecuteDeleteAsync(cancellationToken);
        await db.Changes.ExecuteDeleteAsync(cancellationToken);
        var previousVersion = await db.Events.OrderBy(e => e.Id).Select(e => (long?)e.ProgrammeVersion).FirstOrDefaultAsync(cancellationToken) ?? 0;
        await db.Events.ExecuteDeleteAsync(cancellationToken);
        // Versions only grow, so caches and ETags of the old programme never match the new one.
        programme.Event.ProgrammeVersion = previousVersion;
        await AddAsync(programme, cancellationToken);
        if (before is not null)
        {
            await CarryOverAsync(before, history, cancellationToken);
        }
        // The re-imported programme is public at once, as a new release: SEQUENCE is decided against the releases
        // subscribers already hold, so it never goes down.
        await Releases.PublishAsync(db, null, "The programme was imported again from its seed file.", "seed --replace",
            _clock.GetUtcNow().UtcDateTime, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Gives the entries whose UID persists their revision and history from <paramref name="before"/>.</summary>
    private async Task CarryOverAsync(ProgrammeSnapshot before, List<ChangeRecord> history, CancellationToken cancellationToken)
    {
        var after = await ProgrammeReader.LoadAsync(db, cancellationToken);
        var oldUids = CalendarUids.For(before);
        var oldByUid = before.Entries.ToDictionary(e => oldUids[e.SessionId], StringComparer.Ordinal);
        var newUids = CalendarUids.For(after);
        var newIdOf = new Dictionary<int, int>();
        var carried = 0;
        foreach (var entry in after.Entries)
        {
            if (!oldByUid.TryGetValue(newUids[entry.SessionId], out var old))
            {
                continue;
            }
            newIdOf[old.SessionId] = entry.SessionId;
            // The same rule as an organizer's edit (ConferenceDb): time, room or title changes raise SEQUENCE.
            var revised = old.Start != entry.Start || old.End != entry.End
                || !string.Equals(old.Room?.Code, entry.Room?.Code, StringComparison.Ordinal)
                || !string.Equals(old.Title, entry.Title, StringComparison.Ordinal);
            var sequence = revised ? old.Sequence + 1 : old.Sequence;
            var lastModified = revised ? entry.LastModifiedUtc : old.LastModifiedUtc;
            await db.Sessions.Where(s => s.Id == entry.SessionId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Sequence, sequence).SetProperty(x => x.LastModifiedUtc, lastModified), cancellationToken);
            carried++;
        }
        var kept = history.Where(c => newIdOf.ContainsKey(c.SessionId!.Value)).ToList();
        foreach (var record in kept)
        {
            var newId = newIdOf[record.SessionId!.Value];
            if (record.EntityType is nameof(Session) or nameof(Talk) && record.EntityId == record.SessionId)
            {
                record.EntityId = newId;
            }
            record.SessionId = newId;
        }
        db.Changes.AddRange(kept);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        logger.LogInformation("Kept the revision of {Entries} entries and {Changes} recorded changes whose calendar UIDs persist.",
            carried, kept.Count);
    }

    private async Task AddAsync(SeedProgramme programme, CancellationToken cancellationToken)
    {
        // Images are kept by content hash and never deleted: one the store already holds is referred to, not added again.
        var ev = programme.Event;
        foreach (var image in new[] { ev.Logo, ev.HeaderImage }.OfType<EventImage>().Distinct())
        {
            if (await db.EventImages.AnyAsync(i => i.Hash == image.Hash, cancellationToken))
            {
                ev.Logo = ReferenceEquals(ev.Logo, image) ? null : ev.Logo;
                ev.HeaderImage = ReferenceEquals(ev.HeaderImage, image) ? null : ev.HeaderImage;
            }
        }
        db.Events.Add(programme.Event);
        db.Days.AddRange(programme.Days);
        db.Rooms.AddRange(programme.Rooms);
        db.Speakers.AddRange(programme.Speakers);
        db.Sessions.AddRange(programme.Sessions);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
