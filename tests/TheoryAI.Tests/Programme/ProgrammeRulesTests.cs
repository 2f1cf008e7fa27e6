using TheoryAI.Web.Programme;

namespace TheoryAI.Tests.Programme;

/// <summary>The timetable rules on their own, without HTTP or a store.</summary>
public sealed class ProgrammeRulesTests
{
    private static readonly TimeZoneInfo Toronto = TimeZoneInfo.FindSystemTimeZoneById("America/Toronto");
    private const int SpaceRoom = 1;
    private const int Atrium = 2;
    private const int Ada = 10;
    private const int Grace = 11;

    private static ProgrammeRules Rules(params ScheduledBlock[] schedule) => new(
        [new DateOnly(2025, 4, 9), new DateOnly(2025, 4, 10), new DateOnly(2026, 3, 8)],
        Toronto,
        schedule,
        new Dictionary<int, string> { [SpaceRoom] = "PI/4-400 Space Room", [Atrium] = "PI/1-119 Atrium" },
        new Dictionary<int, string> { [Ada] = "Ada Lovelace", [Grace] = "Grace Hopper" });

    private static DateTime At(int day, int hour, int minute = 0) => new(2025, 4, day, hour, minute, 0);

    private static readonly ScheduledBlock Keynote = new(1, "Keynote", At(9, 9), At(9, 10), SpaceRoom, [Ada]);

    private static ProposedBlock Block(DateTime start, DateTime end, int? room = Atrium, int[]? speakers = null, bool allowOverlap = false, int? id = 2) =>
        new(id, "New block", start, end, room, speakers ?? [], allowOverlap);

    [Fact]
    public void A_block_that_fits_breaks_no_rule() =>
        Assert.Empty(Rules(Keynote).Check(Block(At(9, 10), At(9, 11), SpaceRoom, [Ada])));

    [Fact]
    public void The_end_must_come_after_the_start()
    {
        var problem = Assert.Single(Rules().Check(Block(At(9, 11), At(9, 11))));
        Assert.Equal("EndTime", problem.Field);
        Assert.Equal("End: must be after the start (11:00). Set a later end time.", problem.Message);
        Assert.Equal("EndTime", Assert.Single(Rules().Check(Block(At(9, 11), At(9, 10)))).Field);
    }

    [Fact]
    public void The_date_must_be_a_day_of_the_event()
    {
        var problem = Assert.Single(Rules().Check(Block(At(12, 9), At(12, 10))));
        Assert.Equal("Date", problem.Field);
        Assert.Equal("Date: Sat 12 Apr 2025 is not a day of the event. Choose one of Wed 9 Apr 2025, Thu 10 Apr 2025, Sun 8 Mar 2026.", problem.Message);
    }

    [Fact]
    public void A_block_ends_on_the_day_it_starts()
    {
        var problems = Rules().Check(Block(At(9, 23), At(10, 1)));
        Assert.Contains(problems, p => p is { Field: "EndTime", Message: "End: a block must end on the day it starts. Split it into one block per day." });
    }

    [Fact]
    public void A_time_the_clocks_skip_is_refused()
    {
        // 8 March 2026: clocks in Toronto jump from 02:00 to 03:00.
        var problems = Rules().Check(Block(new DateTime(2026, 3, 8, 2, 30, 0), new DateTime(2026, 3, 8, 3, 30, 0)));
        var problem = Assert.Single(problems);
        Assert.Equal("StartTime", problem.Field);
        Assert.Contains("02:30 does not exist on Sun 8 Mar 2026 in America/Toronto", problem.Message);
    }

    [Fact]
    public void Two_blocks_cannot_share_a_room_at_the_same_time()
    {
        var problem = Assert.Single(Rules(Keynote).Check(Block(At(9, 9, 30), At(9, 10, 30), SpaceRoom)));
        Assert.Equal("RoomId", problem.Field);
        Assert.StartsWith("Room: PI/4-400 Space Room is already used by “Keynote” (09:00–10:00).", problem.Message);
    }

    [Fact]
    public void Blocks_that_only_touch_do_not_overlap() =>
        Assert.Empty(Rules(Keynote).Check(Block(At(9, 8), At(9, 9), SpaceRoom)));

    [Fact]
    public void An_organizer_may_share_a_room_deliberately() =>
        Assert.Empty(Rules(Keynote).Check(Block(At(9, 9, 30), At(9, 10, 30), SpaceRoom, allowOverlap: true)));

    [Fact]
    public void A_block_does_not_clash_with_its_own_stored_version() =>
        Assert.Empty(Rules(Keynote).Check(Block(At(9, 9, 15), At(9, 10, 15), SpaceRoom, [Ada], id: Keynote.SessionId)));

    [Fact]
    public void Blocks_without_a_room_never_clash_on_rooms() =>
        Assert.Empty(Rules(Keynote with { RoomId = null }).Check(Block(At(9, 9), At(9, 10), room: null)));

    [Fact]
    public void A_speaker_cannot_be_in_two_places_at_once()
    {
        var problems = Rules(Keynote).Check(Block(At(9, 9, 30), At(9, 10, 30), Atrium, [Grace, Ada]));
        var problem = Assert.Single(problems);
        Assert.Equal("SpeakerIds", problem.Field);
        Assert.Equal("Speakers: Ada Lovelace is also in “Keynote” (09:00–10:00). Move one of the two, or change the speakers.", problem.Message);
    }

    [Fact]
    public void Sharing_a_room_deliberately_does_not_excuse_a_speaker_clash() =>
        Assert.Equal("SpeakerIds", Assert.Single(Rules(Keynote).Check(Block(At(9, 9), At(9, 10), SpaceRoom, [Ada], allowOverlap: true))).Field);

    [Fact]
    public void Talk_numbers_are_positive_and_unique()
    {
        Assert.Null(ProgrammeRules.CheckTalkNumber(3, [1, 2]));
        Assert.Equal("Number: 2 is already used by another talk. Choose an unused number.", ProgrammeRules.CheckTalkNumber(2, [1, 2])!.Message);
        Assert.Equal("Number", ProgrammeRules.CheckTalkNumber(0, [])!.Field);
    }

    [Fact]
    public void Room_codes_are_unique_whatever_the_case()
    {
        Assert.Null(ProgrammeRules.CheckRoomCode("PI/1-124", ["PI/4-400"]));
        Assert.Equal("Code", ProgrammeRules.CheckRoomCode(" pi/4-400 ", ["PI/4-400"])!.Field);
    }

    [Fact]
    public void Speaker_slugs_are_well_formed_and_unique()
    {
        Assert.Null(ProgrammeRules.CheckSpeakerSlug("ada-lovelace", ["grace-hopper"]));
        Assert.Contains("already belongs to another speaker", ProgrammeRules.CheckSpeakerSlug("grace-hopper", ["grace-hopper"])!.Message);
        Assert.Contains("lower-case letters", ProgrammeRules.CheckSpeakerSlug("Ada Lovelace", [])!.Message);
        Assert.Contains("lower-case letters", ProgrammeRules.CheckSpeakerSlug("ada--lovelace", [])!.Message);
    }

    [Theory]
    [InlineData("Léa Müller-Ortiz", "lea-muller-ortiz")]
    [InlineData("  Ro  Jefferson ", "ro-jefferson")]
    [InlineData("Luisa Lucie-Smith", "luisa-lucie-smith")]
    public void Slugs_are_made_from_names(string name, string slug) => Assert.Equal(slug, ProgrammeRules.SlugFrom(name));
}
