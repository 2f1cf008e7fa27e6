using Microsoft.EntityFrameworkCore;
using TheoryAI.Tests.Infrastructure;
using TheoryAI.Web.Data;
using TheoryAI.Web.Data.Seed;
using TheoryAI.Web.Programme;

namespace TheoryAI.Tests.Programme;

/// <summary>Discarding the draft and reverting one block, against a real store holding the seeded programme (release 1).</summary>
public sealed class DraftRevertsTests : IAsyncLifetime
{
    private const string Author = "reverter@example.org";
    private static readonly DateTime Now = new(2025, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    private ScratchStore _store = null!;

    private ConferenceDb Db => _store.Db;

    public async Task InitializeAsync()
    {
        _store = await ScratchStore.WithAsync(SeedReader.Read(TestFiles.SeedFile));
        Db.ChangeAuthor = Author;
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    private async Task<Session> TalkSessionAsync(int number) =>
        await Db.Sessions.Include(s => s.Talk!).ThenInclude(t => t.Speakers).SingleAsync(s => s.Talk!.Number == number);

    private async Task<ProgrammeSnapshot> ReleaseAsync() =>
        (await ProgrammeReader.LoadReleaseAsync(Db, await Db.Releases.MaxAsync(r => r.Number)))!;

    /// <summary>The draft's content as a release holds it, without what publish decides (SEQUENCE, LAST-MODIFIED) and
    /// the photo (not part of what a release restores).</summary>
    internal static string Content(ProgrammeSnapshot programme)
    {
        var document = ReleaseDocument.From(programme);
        return (document with
        {
            Speakers = document.Speakers.Select(s => s with { PhotoHash = null }).OrderBy(s => s.Id).ToList(),
            Rooms = document.Rooms.OrderBy(r => r.Id).ToList(),
            Entries = document.Entries.Select(e => e with { Sequence = 0, LastModifiedUtc = default }).OrderBy(e => e.SessionId).ToList(),
        }).ToJson();
    }

    private async Task<IReadOnlyList<ProgrammeChange>> UnpublishedAsync() =>
        ProgrammeChanges.Between(await ReleaseAsync(), await _store.SnapshotAsync());

    private async Task SaveAsync()
    {
        await Db.SaveChangesAsync();
        Db.ChangeTracker.Clear();
    }

    [Fact]
    public async Task Discarding_puts_every_table_back_to_the_release_with_the_same_ids()
    {
        var released = Content(await ReleaseAsync());
        var talk2 = await TalkSessionAsync(2);
        talk2.Start = talk2.Start.AddDays(1);
        talk2.End = talk2.End.AddDays(1);
        talk2.Talk!.AbstractMarkdown = "Rewritten.";
        var talk3 = await TalkSessionAsync(3);
        talk3.Cancelled = true;
        talk3.Talk!.Speakers.Clear();
        var talk5 = await TalkSessionAsync(5);
        var newRoom = new Room { Code = "PI/9-999", Name = "Attic" };
        talk5.Room = newRoom;
        talk5.Talk!.Speakers.Add(new TalkSpeaker { Speaker = new Speaker { Slug = "ada-example", Name = "Ada Example" }, Position = 9 });
        var ev = await Db.Events.Include(e => e.People).SingleAsync();
        ev.Name = "Renamed workshop";
        ev.People.RemoveAt(0);
        (await Db.Rooms.FirstAsync(r => r.Code == "PI/1-119")).Name = "Renamed room";
        (await Db.Days.OrderBy(d => d.Date).FirstAsync()).Title = "Day one";
        (await Db.Speakers.OrderBy(s => s.Id).FirstAsync()).Affiliation = "Elsewhere";
        var poster = new Session { Kind = SessionKind.Social, Title = "Poster session", Start = talk2.Start.Date.AddHours(18), End = talk2.Start.Date.AddHours(19) };
        Db.Sessions.Add(poster);
        await SaveAsync();
        // A published block deleted from the draft (as an import or a direct edit can).
        var talk6 = await TalkSessionAsync(6);
        var talk6Id = talk6.Id;
        Db.Sessions.Remove(talk6);
        await SaveAsync();
        Assert.NotEqual(released, Content(await _store.SnapshotAsync()));
        var historyBefore = await Db.Changes.CountAsync();

        var outcome = await DraftReverts.DiscardAllAsync(Db, await DraftReverts.DraftVersionAsync(Db, default), Author, Now);

        Assert.True(outcome.Done, outcome.Message);
        Assert.Equal("Discarded all draft changes: the draft is release 1 again.", outcome.Message);
        Assert.Equal(released, Content(await _store.SnapshotAsync()));
        Assert.Empty(await UnpublishedAsync());
        Assert.Equal(talk6Id, (await TalkSessionAsync(6)).Id);
        Assert.False(await Db.Sessions.AnyAsync(s => s.Id == poster.Id));
        Assert.False(await Db.Rooms.AnyAsync(r => r.Code == "PI/9-999"));
        Assert.False(await Db.Speakers.AnyAsync(s => s.Slug == "ada-example"));
        Assert.Equal(1, await Db.Releases.CountAsync());
        // Recorded for organizers like every admin save: each block and item, and the discard itself.
        var history = await Db.Changes.OrderBy(c => c.Id).Skip(historyBefore).ToListAsync();
        Assert.All(history, c => Assert.Equal(Author, c.ChangedBy));
        Assert.Contains(history, c => c.Summary == "Discarded all draft changes: the draft is release 1 again");
        Assert.Contains(history, c => c.SessionId == talk2.Id && c.Summary.Contains("moved from", StringComparison.Ordinal));
        Assert.Contains(history, c => c.SessionId == talk6Id && c.Kind == ChangeKind.Added);
        Assert.Contains(history, c => c.Summary == "Deleted room PI/9-999");
        Assert.Contains(history, c => c.Summary.StartsWith("Edited event details: name", StringComparison.Ordinal));

        var again = await DraftReverts.DiscardAllAsync(Db, await DraftReverts.DraftVersionAsync(Db, default), Author, Now);
        Assert.False(again.Done);
        Assert.Equal("The draft is already the same as release 1: there was nothing to discard.", again.Message);
    }

    [Fact]
    public async Task Discarding_a_draft_another_organizer_saved_since_the_confirmation_changes_nothing()
    {
        var seen = await DraftReverts.DraftVersionAsync(Db, default);
        var talk2 = await TalkSessionAsync(2);
        talk2.Title = "Renamed by someone else";
        await SaveAsync();
        var draft = Content(await _store.SnapshotAsync());

        var outcome = await DraftReverts.DiscardAllAsync(Db, seen, Author, Now);

        Assert.False(outcome.Done);
        Assert.StartsWith("Nothing was discarded: the draft changed after you opened the confirmation", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(draft, Content(await _store.SnapshotAsync()));
    }

    private async Task<string> FingerprintAsync(int sessionId) =>
        DraftReverts.Fingerprint((await _store.SnapshotAsync()).Entries.FirstOrDefault(e => e.SessionId == sessionId));

    [Fact]
    public async Task Reverting_one_block_puts_back_only_that_block()
    {
        var talk2 = await TalkSessionAsync(2);
        var talk2Id = talk2.Id;
        talk2.Start = talk2.Start.AddHours(-2);
        talk2.End = talk2.End.AddHours(-2);
        talk2.Title = "Another title";
        talk2.Talk!.Type = "Keynote";
        talk2.Talk.RecordingUrl = "https://example.org/other";
        talk2.Talk.Speakers.Add(new TalkSpeaker { SpeakerId = (await Db.Speakers.FirstAsync(s => s.Slug == "david-berman")).Id, Position = 5 });
        var talk3 = await TalkSessionAsync(3);
        talk3.Cancelled = true;
        await SaveAsync();
        var released = (await ReleaseAsync()).Entries.Single(e => e.SessionId == talk2Id);

        var outcome = await DraftReverts.RevertBlockAsync(Db, talk2Id, await FingerprintAsync(talk2Id), Author, Now);

        Assert.True(outcome.Done, outcome.Message);
        var draft = await _store.SnapshotAsync();
        var entry = draft.Entries.Single(e => e.SessionId == talk2Id);
        Assert.Equal(DraftReverts.Fingerprint(released), DraftReverts.Fingerprint(entry));
        var left = Assert.Single(await UnpublishedAsync());
        Assert.Equal(ProgrammeChangeKind.Cancelled, left.Kind);
        Assert.Equal(3, left.TalkNumber);
        Assert.Contains(await Db.Changes.ToListAsync(), c => c.ChangedBy == Author && c.Summary == $"Reverted “{released.Title}” to release 1");
    }

    [Fact]
    public async Task Reverting_a_block_new_in_the_draft_deletes_it_and_one_deleted_from_the_draft_comes_back_with_its_id()
    {
        var day = (await Db.Days.OrderBy(d => d.Date).FirstAsync()).Date.ToDateTime(TimeOnly.MinValue);
        var fresh = new Session { Kind = SessionKind.Talk, Title = "Brand new", Start = day.AddHours(20), End = day.AddHours(21) };
        fresh.Talk = new Talk { Number = 900, Session = fresh };
        Db.Sessions.Add(fresh);
        await SaveAsync();
        var talk6 = await TalkSessionAsync(6);
        var talk6Id = talk6.Id;
        var speakers6 = talk6.Talk!.Speakers.OrderBy(s => s.Position).Select(s => s.SpeakerId).ToList();
        Db.Sessions.Remove(talk6);
        await SaveAsync();

        var gone = await DraftReverts.RevertBlockAsync(Db, fresh.Id, await FingerprintAsync(fresh.Id), Author, Now);
        var back = await DraftReverts.RevertBlockAsync(Db, talk6Id, await FingerprintAsync(talk6Id), Author, Now);

        Assert.True(gone.Done, gone.Message);
        Assert.Equal("Reverted “Brand new”: it was never published, so it was deleted from the draft.", gone.Message);
        Assert.False(await Db.Sessions.AnyAsync(s => s.Id == fresh.Id));
        Assert.False(await Db.Talks.AnyAsync(t => t.Number == 900));
        Assert.True(back.Done, back.Message);
        var restored = await TalkSessionAsync(6);
        Assert.Equal(talk6Id, restored.Id);
        Assert.Equal(speakers6, restored.Talk!.Speakers.OrderBy(s => s.Position).Select(s => s.SpeakerId).ToList());
        Assert.Empty(await UnpublishedAsync());
    }

    [Fact]
    public async Task A_revert_that_needs_a_speaker_the_draft_deleted_is_refused_and_writes_nothing()
    {
        var talk2 = await TalkSessionAsync(2);
        var link = talk2.Talk!.Speakers.OrderBy(s => s.Position).First();
        var speaker = await Db.Speakers.SingleAsync(s => s.Id == link.SpeakerId);
        Assert.Equal(1, await Db.TalkSpeakers.CountAsync(l => l.SpeakerId == speaker.Id));
        talk2.Start = talk2.Start.AddHours(-2);
        talk2.End = talk2.End.AddHours(-2);
        talk2.Talk.Speakers.Remove(link);
        await SaveAsync();
        Db.Speakers.Remove(await Db.Speakers.SingleAsync(s => s.Id == speaker.Id));
        await SaveAsync();
        var draft = Content(await _store.SnapshotAsync());
        var history = await Db.Changes.CountAsync();

        var outcome = await DraftReverts.RevertBlockAsync(Db, talk2.Id, await FingerprintAsync(talk2.Id), Author, Now);

        Assert.False(outcome.Done);
        Assert.Equal($"Nothing was reverted: “{talk2.Title}” in release 1 needs the speaker {speaker.Name}, which the draft no longer has. Put that back first (or discard all draft changes).", outcome.Message);
        Assert.Equal(draft, Content(await _store.SnapshotAsync()));
        Assert.Equal(history, await Db.Changes.CountAsync());
    }

    [Fact]
    public async Task A_revert_of_a_block_someone_changed_after_the_organizer_saw_it_is_refused()
    {
        var talk2 = await TalkSessionAsync(2);
        talk2.Title = "First edit";
        await SaveAsync();
        var seen = await FingerprintAsync(talk2.Id);
        var again = await TalkSessionAsync(2);
        again.Talk!.AbstractMarkdown = "Another organizer's abstract.";
        await SaveAsync();
        var draft = Content(await _store.SnapshotAsync());

        var outcome = await DraftReverts.RevertBlockAsync(Db, talk2.Id, seen, Author, Now);

        Assert.False(outcome.Done);
        Assert.Equal("Nothing was reverted: “First edit” changed after you opened this page (another organizer saved). Check the unpublished changes below and revert again if you still want to.", outcome.Message);
        Assert.Equal(draft, Content(await _store.SnapshotAsync()));
    }
}
