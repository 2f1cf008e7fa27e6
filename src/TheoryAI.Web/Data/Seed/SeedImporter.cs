using Microsoft.EntityFrameworkCore;

namespace TheoryAI.Web.Data.Seed;

public enum SeedOutcome
{
    Imported,
    StoreAlreadyHoldsProgramme,
}

/// <summary>Brings the store up to date (migrations) and imports the seed file into an empty store, all or nothing.</summary>
public sealed class SeedImporter(ConferenceDb db, ILogger<SeedImporter> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default) =>
        await db.Database.MigrateAsync(cancellationToken);

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
        await AddAsync(programme, cancellationToken);
        logger.LogInformation("Imported {Sessions} sessions, {Speakers} speakers and {Rooms} rooms from {SeedFile}.",
            programme.Sessions.Count, programme.Speakers.Count, programme.Rooms.Count, sourceName);
        return SeedOutcome.Imported;
    }

    /// <summary>Removes the programme (not the accounts) and imports the seed again, in one transaction.</summary>
    public Task ReplaceAsync(string seedPath, CancellationToken cancellationToken = default) =>
        ReplaceAsync(SeedReader.Read(seedPath), cancellationToken);

    /// <summary>Removes the programme (not the accounts) and adds this validated one, in one transaction.</summary>
    public async Task ReplaceAsync(SeedProgramme programme, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
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
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task AddAsync(SeedProgramme programme, CancellationToken cancellationToken)
    {
        db.Events.Add(programme.Event);
        db.Days.AddRange(programme.Days);
        db.Rooms.AddRange(programme.Rooms);
        db.Speakers.AddRange(programme.Speakers);
        db.Sessions.AddRange(programme.Sessions);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
