using TheoryAI.Tests.Infrastructure;
using TheoryAI.Web.Data.Seed;

namespace TheoryAI.Tests.Data;

/// <summary>The seed import applies the admin forms' timetable and text rules, with file, entry and field in each error.</summary>
public sealed class SeedTimetableTests
{
    private static string Seed => File.ReadAllText(TestFiles.SeedFile);

    private static string ReplaceFirst(string text, string find, string replace)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"test set-up: '{find}' is not in the seed");
        return text[..at] + replace + text[(at + find.Length)..];
    }

    /// <summary>The first talk on 9 April (no. 2, 09:45–10:30 in PI/4-400) with another entry in its room at its time.</summary>
    private static string WithSecondBlockInTheSameRoom(string extra = "") => ReplaceFirst(Seed, "      - number: 2\n",
        "      - kind: social\n        title: Double-booked coffee\n        start: \"10:00\"\n        end: \"10:15\"\n        room: PI/4-400\n" + extra +
        "      - number: 2\n");

    [Fact]
    public void Two_blocks_in_one_room_at_one_time_are_refused_naming_file_entry_and_field()
    {
        var yaml = WithSecondBlockInTheSameRoom();
        // The clash is reported at the later of the two entries in file order.
        var problem = Assert.Single(Assert.Throws<SeedException>(() => SeedReader.Parse(yaml, "programme.yaml")).Problems);
        Assert.Equal("programme.yaml", problem.File);
        Assert.Equal("room", problem.Field);
        Assert.Contains("days[0] (2025-04-09)", problem.Entry);
        Assert.Contains("PI/4-400 is already used by “Double-booked coffee” (10:00–10:15)", problem.Message);
        Assert.Contains("allowRoomSharing: true", problem.Message);
    }

    [Fact]
    public void Deliberate_sharing_is_allowed_with_the_same_flag_as_the_form()
    {
        var yaml = ReplaceFirst(WithSecondBlockInTheSameRoom(), "      - number: 2\n", "      - number: 2\n        allowRoomSharing: true\n");
        var programme = SeedReader.Parse(yaml, "programme.yaml");
        Assert.Contains(programme.Sessions, s => s.Title == "Double-booked coffee");
    }

    [Fact]
    public void The_shipped_seed_passes_the_timetable_rules() =>
        Assert.NotEmpty(SeedReader.Read(TestFiles.SeedFile).Sessions);

    [Fact]
    public void A_control_character_in_seed_text_is_refused_naming_the_field()
    {
        var yaml = ReplaceFirst(Seed, "title: \"Scaling Limits for Learning: Dynamics and Statics\"", "title: \"Scaling Limits\\a for Learning\"");
        var problem = Assert.Single(Assert.Throws<SeedException>(() => SeedReader.Parse(yaml, "programme.yaml")).Problems);
        Assert.Equal("title", problem.Field);
        Assert.Contains("(U+0007) at position 15", problem.Message);
    }

    [Fact]
    public void Pasted_line_breaks_in_seed_text_are_normalised()
    {
        var yaml = ReplaceFirst(Seed, "title: \"Scaling Limits for Learning: Dynamics and Statics\"", "title: \"Scaling Limits\\vfor Learning\"");
        var programme = SeedReader.Parse(yaml, "programme.yaml");
        Assert.Contains(programme.Sessions, s => s.Title == "Scaling Limits for Learning");
    }
}
