using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace TheoryAI.Web.Data;

/// <summary>
/// The store. This type carries the Sqlite model and its migrations (Data/Migrations); <see cref="PostgresConferenceDb"/>
/// is the same model on PostgreSQL with its own migrations (Data/Migrations/Postgres).
/// </summary>
public class ConferenceDb(DbContextOptions options, TimeProvider clock)
    : IdentityDbContext<IdentityUser>(options)
{
    public ConferenceDb(DbContextOptions<ConferenceDb> options, TimeProvider clock) : this((DbContextOptions)options, clock)
    {
    }

    public DbSet<ConferenceEvent> Events => Set<ConferenceEvent>();
    public DbSet<EventPerson> EventPeople => Set<EventPerson>();
    public DbSet<Day> Days => Set<Day>();
    public DbSet<Room> Rooms => Set<Room>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<Talk> Talks => Set<Talk>();
    public DbSet<TalkSpeaker> TalkSpeakers => Set<TalkSpeaker>();
    public DbSet<Speaker> Speakers => Set<Speaker>();
    public DbSet<SpeakerPhoto> SpeakerPhotos => Set<SpeakerPhoto>();
    public DbSet<EventImage> EventImages => Set<EventImage>();
    public DbSet<ChangeRecord> Changes => Set<ChangeRecord>();
    public DbSet<Release> Releases => Set<Release>();

    /// <summary>
    /// Who is changing the programme (an organizer's sign-in name). While set, every save also writes what changed to
    /// <see cref="Changes"/> in the same transaction (see <see cref="ChangeRecorder"/>). The seed import leaves it
    /// unset: the imported programme is the published baseline, not a change.
    /// </summary>
    public string? ChangeAuthor { get; set; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ConferenceDb).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<SessionKind>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<EventRole>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ChangeKind>().HaveConversion<string>().HaveMaxLength(20);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// Stamps what organizers edit (concurrency token, SEQUENCE, LAST-MODIFIED) and bumps the programme version in the
    /// same transaction, so every cache keyed on the version sees the change or none of it.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var programmeChanged = StampChanges();
        var pendingChanges = programmeChanged && ChangeAuthor is not null ? ChangeRecorder.Capture(this) : null;
        if (!programmeChanged)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (pendingChanges is { Count: > 0 })
            {
                Changes.AddRange(pendingChanges.ToRecords(ChangeAuthor!, clock.GetUtcNow().UtcDateTime));
                await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            await Events.ExecuteUpdateAsync(
                e => e.SetProperty(x => x.ProgrammeVersion, x => x.ProgrammeVersion + 1), cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }
            return written;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    private bool StampChanges()
    {
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var programmeChanged = false;
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            if (entry.Entity is ConferenceEvent or EventPerson or Day or Room or Session or Talk or TalkSpeaker or Speaker or SpeakerPhoto or EventImage)
            {
                programmeChanged = true;
            }
            if (entry.State == EntityState.Deleted)
            {
                continue;
            }
            if (entry.Entity is IEditable editable)
            {
                editable.ConcurrencyStamp = Guid.NewGuid();
            }
            if (entry.Entity is Session session)
            {
                if (entry.State == EntityState.Added)
                {
                    session.LastModifiedUtc = nowUtc;
                }
                else if (IsCalendarRelevantChange(entry))
                {
                    session.Sequence++;
                    session.LastModifiedUtc = nowUtc;
                }
            }
        }
        return programmeChanged;
    }

    /// <summary>Changes a calendar client must notice (RFC 5545 SEQUENCE): time, room or title.</summary>
    private static bool IsCalendarRelevantChange(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry) =>
        new[] { nameof(Session.Start), nameof(Session.End), nameof(Session.RoomId), nameof(Session.Title) }
            .Any(name => entry.Property(name).IsModified
                         && !Equals(entry.Property(name).OriginalValue, entry.Property(name).CurrentValue));
}
