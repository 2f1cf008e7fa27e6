using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Pages.Programme;

/// <summary>
/// A day drawn as rooms side by side against time: a time column, one column per room in use (in the venue's order),
/// heights proportional to duration, breaks and meals across every column. Positions are grid lines, written as
/// classes the stylesheet <c>css/timetable-grid.css</c> defines (the site's Content-Security-Policy allows no inline
/// style): row line <see cref="HeaderLines"/> + n is n five-minute steps after <see cref="Start"/>; column line 1 is the
/// time column's left edge. A room where entries overlap (a clash, or a shared room) gets one lane per overlapping
/// entry, so nothing is drawn over anything else.
/// </summary>
public sealed class DayGrid
{
    public const int StepMinutes = 5;
    /// <summary>Row line 1 is above the room headers; the timeline starts at line 2.</summary>
    public const int HeaderLines = 2;
    /// <summary>The highest row line the stylesheet defines: 36 hours, for a day whose last entry runs past midnight.</summary>
    public const int MaxRowLine = HeaderLines + 36 * 60 / StepMinutes;
    /// <summary>The highest column line the stylesheet defines; a day that needs more is shown as the list.</summary>
    public const int MaxColumnLine = 121;

    private DayGrid(DateTime start, int endLine, IReadOnlyList<Column> columns, IReadOnlyDictionary<int, Placement> placements)
    {
        Start = start;
        EndLine = endLine;
        Columns = columns;
        _placements = placements;
    }

    private readonly IReadOnlyDictionary<int, Placement> _placements;

    /// <summary>The wall-clock time of row line <see cref="HeaderLines"/> (the first whole hour at or before the day's first entry).</summary>
    public DateTime Start { get; }
    /// <summary>The row line at the end of the day's last entry, rounded up to the hour.</summary>
    public int EndLine { get; }
    public IReadOnlyList<Column> Columns { get; }
    /// <summary>The column line right of the last room: bands and hour rules run from 2 to here.</summary>
    public int LastColumnLine => Columns.Count == 0 ? 2 : Columns[^1].EndLine;

    /// <summary>A room's column (with its lanes, when entries in it overlap).</summary>
    public sealed record Column(RoomInfo? Room, int StartLine, int EndLine)
    {
        public string Classes => $"gc-{StartLine} gce-{EndLine}";
    }

    /// <summary>Where an entry is drawn: row lines from its start to its end, column lines of its room or lane.</summary>
    public sealed record Placement(int RowStart, int RowEnd, int ColumnStart, int ColumnEnd, bool Band)
    {
        public string Classes => $"gr-{RowStart} gre-{RowEnd} gc-{ColumnStart} gce-{ColumnEnd}";
    }

    /// <summary>A label on the time column, at a whole hour.</summary>
    public sealed record HourMark(DateTime Time, int Line)
    {
        public string Classes => $"gr-{Line} gre-{Math.Min(Line + 60 / StepMinutes, MaxRowLine)}";
    }

    public Placement PlacementOf(ProgrammeEntry entry) => _placements[entry.SessionId];

    public IEnumerable<HourMark> Hours
    {
        get
        {
            for (var line = HeaderLines; line < EndLine; line += 60 / StepMinutes)
            {
                yield return new HourMark(Start.AddMinutes((line - HeaderLines) * StepMinutes), line);
            }
        }
    }

    /// <summary>The row line of a wall-clock time, rounded to the nearest step and kept inside the grid.</summary>
    public int LineOf(DateTime time) => Math.Clamp(
        HeaderLines + (int)Math.Round((time - Start).TotalMinutes / StepMinutes, MidpointRounding.AwayFromZero), HeaderLines, MaxRowLine);

    /// <summary>The day as a grid, or null when the list says it as well: everything (breaks and meals aside) in one
    /// room or none, or more rooms or hours than the grid's stylesheet places.</summary>
    public static DayGrid? For(ProgrammeDay day, IReadOnlyList<RoomInfo> venueRooms)
    {
        if (day.Entries.Count == 0)
        {
            return null;
        }
        var start = new DateTime(day.Date, new TimeOnly(day.Entries.Min(e => e.Start).Hour, 0));
        var last = day.Entries.Max(e => e.End);
        var lastHour = last.Minute == 0 && last.Second == 0 ? last : new DateTime(DateOnly.FromDateTime(last), new TimeOnly(last.Hour, 0)).AddHours(1);
        var endLine = HeaderLines + (int)Math.Ceiling((lastHour - start).TotalMinutes / StepMinutes);
        if (endLine > MaxRowLine)
        {
            return null;
        }
        var grid = new DayGrid(start, endLine, [], new Dictionary<int, Placement>());

        // A break or meal is a band across every room, unless something else runs beside it: then it keeps its room.
        bool Band(ProgrammeEntry e) => e.IsIntermission
            && !day.Entries.Any(o => !o.IsIntermission && o.Start < e.End && e.Start < o.End);
        var inRooms = day.Entries.Where(e => !Band(e)).ToList();
        var order = venueRooms.Select((room, index) => (room.Id, index)).ToDictionary(x => x.Id, x => x.index);
        var byRoom = inRooms.GroupBy(e => e.Room?.Id)
            .OrderBy(g => g.Key is int id && order.TryGetValue(id, out var index) ? index : int.MaxValue)
            .ToList();
        if (byRoom.Count < 2)
        {
            return null;
        }

        var columns = new List<Column>();
        var placements = new Dictionary<int, Placement>();
        var line = 2;
        foreach (var room in byRoom)
        {
            var lanes = Lanes(room.ToList(), grid);
            var width = lanes.Values.Max() + 1;
            foreach (var entry in room)
            {
                var lane = lanes[entry.SessionId];
                // An entry that overlaps nothing in its room spans all of the room's lanes.
                var alone = !room.Any(o => o != entry && grid.Overlap(o, entry));
                placements[entry.SessionId] = new Placement(grid.LineOf(entry.Start), grid.EndLineOf(entry),
                    alone ? line : line + lane, alone ? line + width : line + lane + 1, Band: false);
            }
            columns.Add(new Column(room.First().Room, line, line + width));
            line += width;
        }
        if (line > MaxColumnLine)
        {
            return null;
        }
        foreach (var band in day.Entries.Where(Band))
        {
            placements[band.SessionId] = new Placement(grid.LineOf(band.Start), grid.EndLineOf(band), 2, line, Band: true);
        }
        return new DayGrid(start, endLine, columns, placements);
    }

    /// <summary>The end line, at least one step below the start (a zero-length entry is still drawn).</summary>
    private int EndLineOf(ProgrammeEntry entry) => Math.Max(LineOf(entry.End), Math.Min(LineOf(entry.Start) + 1, MaxRowLine));

    private bool Overlap(ProgrammeEntry a, ProgrammeEntry b) =>
        LineOf(a.Start) < EndLineOf(b) && LineOf(b.Start) < EndLineOf(a);

    /// <summary>The lowest free lane for each entry of one room, in start order (interval partitioning).</summary>
    private static Dictionary<int, int> Lanes(List<ProgrammeEntry> entries, DayGrid grid)
    {
        var laneEnds = new List<int>();
        var lanes = new Dictionary<int, int>();
        foreach (var entry in entries.OrderBy(e => e.Start).ThenBy(e => e.End))
        {
            var startLine = grid.LineOf(entry.Start);
            var lane = laneEnds.FindIndex(end => end <= startLine);
            if (lane < 0)
            {
                lane = laneEnds.Count;
                laneEnds.Add(0);
            }
            laneEnds[lane] = grid.EndLineOf(entry);
            lanes[entry.SessionId] = lane;
        }
        return lanes;
    }
}
