using System.Text.RegularExpressions;
using TheoryAI.Web.Data;
using TheoryAI.Web.Pages.Programme;
using TheoryAI.Web.Programme;

namespace TheoryAI.Tests.Pages.Programme;

/// <summary>The day grid's placement rules on hand-built days, without HTTP.</summary>
public sealed partial class DayGridTests
{
    private static readonly TimeZoneInfo Toronto = TimeZoneInfo.FindSystemTimeZoneById("America/Toronto");
    private static readonly RoomInfo Hall = new(1, "A1", "Main Hall", 200);
    private static readonly RoomInfo Seminar = new(2, "B2", "Seminar Room", 40);
    private static readonly RoomInfo Lab = new(3, "C3", "Lab", 20);
    private static readonly RoomInfo[] Venue = [Hall, Seminar, Lab];
    private static readonly DateTime Nine = new(2025, 4, 9, 9, 0, 0);
    private int _id;

    private ProgrammeEntry Entry(RoomInfo? room, DateTime start, int minutes, SessionKind kind = SessionKind.Talk) =>
        new(++_id, kind, $"Entry {_id}", start, start.AddMinutes(minutes),
            EventClock.ToInstant(start, Toronto), EventClock.ToInstant(start.AddMinutes(minutes), Toronto),
            room, null, 0, new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc));

    private static ProgrammeDay Day(params ProgrammeEntry[] entries) =>
        new(new DateOnly(2025, 4, 9), null, entries.OrderBy(e => e.Start).ToList());

    [Fact]
    public void Entries_at_the_same_time_in_two_rooms_share_a_row_and_not_a_column()
    {
        var hall = Entry(Hall, Nine, 45);
        var seminar = Entry(Seminar, Nine, 45);
        var grid = DayGrid.For(Day(hall, seminar), Venue)!;

        Assert.Equal(grid.PlacementOf(hall).RowStart, grid.PlacementOf(seminar).RowStart);
        Assert.NotEqual(grid.PlacementOf(hall).ColumnStart, grid.PlacementOf(seminar).ColumnStart);
        Assert.Equal(["Main Hall", "Seminar Room"], grid.Columns.Select(c => c.Room!.Name));
    }

    [Fact]
    public void Heights_are_proportional_to_duration()
    {
        var ninety = Entry(Hall, Nine, 90);
        var fortyFive = Entry(Seminar, Nine, 45);
        var grid = DayGrid.For(Day(ninety, fortyFive), Venue)!;

        int Height(ProgrammeEntry e) => grid.PlacementOf(e).RowEnd - grid.PlacementOf(e).RowStart;
        Assert.Equal(2 * Height(fortyFive), Height(ninety));
        Assert.Equal(9, Height(fortyFive));
    }

    [Fact]
    public void Rooms_come_in_the_venues_order_and_only_the_rooms_in_use()
    {
        var grid = DayGrid.For(Day(Entry(Lab, Nine, 30), Entry(Hall, Nine, 30)), Venue)!;

        Assert.Equal(["Main Hall", "Lab"], grid.Columns.Select(c => c.Room!.Name));
        Assert.Equal(2, grid.Columns[0].StartLine);
        Assert.Equal(4, grid.LastColumnLine);
    }

    [Fact]
    public void A_break_with_nothing_beside_it_runs_across_every_room()
    {
        var coffee = Entry(Lab, Nine.AddMinutes(45), 30, SessionKind.Break);
        var grid = DayGrid.For(Day(Entry(Hall, Nine, 45), Entry(Seminar, Nine, 45), coffee), Venue)!;

        var band = grid.PlacementOf(coffee);
        Assert.True(band.Band);
        Assert.Equal((2, grid.LastColumnLine), (band.ColumnStart, band.ColumnEnd));
        // The break's own room is not a column: nothing else is held there.
        Assert.DoesNotContain(grid.Columns, c => c.Room == Lab);
    }

    [Fact]
    public void A_break_beside_a_talk_keeps_its_room()
    {
        var lunch = Entry(Lab, Nine, 60, SessionKind.Meal);
        var grid = DayGrid.For(Day(Entry(Hall, Nine, 45), Entry(Seminar, Nine, 45), lunch), Venue)!;

        Assert.False(grid.PlacementOf(lunch).Band);
        Assert.Contains(grid.Columns, c => c.Room == Lab);
    }

    [Fact]
    public void Overlapping_entries_in_one_room_get_a_lane_each_and_the_rest_span_the_room()
    {
        var first = Entry(Hall, Nine, 60);
        var clash = Entry(Hall, Nine.AddMinutes(30), 60);
        var later = Entry(Hall, Nine.AddHours(2), 30);
        var grid = DayGrid.For(Day(first, clash, later, Entry(Seminar, Nine, 30)), Venue)!;

        var hall = grid.Columns.Single(c => c.Room == Hall);
        Assert.Equal(2, hall.EndLine - hall.StartLine);
        Assert.Equal((hall.StartLine, hall.StartLine + 1), (grid.PlacementOf(first).ColumnStart, grid.PlacementOf(first).ColumnEnd));
        Assert.Equal((hall.StartLine + 1, hall.EndLine), (grid.PlacementOf(clash).ColumnStart, grid.PlacementOf(clash).ColumnEnd));
        Assert.Equal((hall.StartLine, hall.EndLine), (grid.PlacementOf(later).ColumnStart, grid.PlacementOf(later).ColumnEnd));
    }

    [Fact]
    public void A_day_in_one_room_is_a_list()
    {
        Assert.Null(DayGrid.For(Day(Entry(Hall, Nine, 45), Entry(Hall, Nine.AddMinutes(45), 45),
            Entry(Lab, Nine.AddMinutes(90), 30, SessionKind.Break)), Venue));
    }

    [Fact]
    public void A_zero_length_entry_and_one_past_midnight_are_still_placed()
    {
        var milestone = Entry(Hall, Nine, 0);
        var late = Entry(Seminar, new DateTime(2025, 4, 9, 23, 0, 0), 120);
        var grid = DayGrid.For(Day(milestone, late), Venue)!;

        Assert.Equal(1, grid.PlacementOf(milestone).RowEnd - grid.PlacementOf(milestone).RowStart);
        Assert.Equal(24, grid.PlacementOf(late).RowEnd - grid.PlacementOf(late).RowStart);
        Assert.Equal(grid.PlacementOf(late).RowEnd, grid.EndLine);
    }

    [Fact]
    public void Hours_label_the_time_column_from_the_first_whole_hour()
    {
        var grid = DayGrid.For(Day(Entry(Hall, Nine.AddMinutes(20), 45), Entry(Seminar, Nine.AddMinutes(70), 45)), Venue)!;

        Assert.Equal(Nine, grid.Start);
        Assert.Equal(["09:00", "10:00"], grid.Hours.Select(h => h.Time.ToString("HH:mm")));
        Assert.Equal(DayGrid.HeaderLines + 4, grid.LineOf(Nine.AddMinutes(20)));
    }

    [Fact]
    public void Stylesheet_defines_every_line_the_grid_uses()
    {
        var css = File.ReadAllText(Path.Combine(SiteFolder(), "wwwroot", "css", "timetable-grid.css"));
        var defined = new HashSet<string>(ClassRule().Matches(css).Select(m => m.Groups[1].Value));

        for (var line = 1; line <= DayGrid.MaxRowLine; line++)
        {
            Assert.Contains($"gr-{line}{{grid-row-start:{line}}}", css);
            Assert.Contains($"gre-{line}{{grid-row-end:{line}}}", css);
        }
        for (var line = 1; line <= DayGrid.MaxColumnLine; line++)
        {
            Assert.Contains($"gc-{line}{{grid-column-start:{line}}}", css);
            Assert.Contains($"gce-{line}{{grid-column-end:{line}}}", css);
        }
        Assert.Equal(2 * (DayGrid.MaxRowLine + DayGrid.MaxColumnLine), defined.Count);
    }

    [Fact]
    public void A_day_longer_than_the_stylesheet_places_is_a_list()
    {
        Assert.Null(DayGrid.For(Day(Entry(Hall, Nine, 45), Entry(Seminar, Nine, 40 * 60)), Venue));
    }

    private static string SiteFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "TheoryAI.sln")))
        {
            folder = folder.Parent;
        }
        return Path.Combine(folder!.FullName, "src", "TheoryAI.Web");
    }

    [GeneratedRegex(@"\.(g[rc]e?-\d+)\{")]
    private static partial Regex ClassRule();
}
