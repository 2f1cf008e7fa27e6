using TheoryAI.Web.Programme;

namespace TheoryAI.Tests.Pages.Journeys;

public sealed class EventMomentTests
{
    private static readonly EventInfo Event = new("Workshop", new DateOnly(2025, 4, 9), new DateOnly(2025, 4, 11),
        TimeZoneInfo.FindSystemTimeZoneById("America/Toronto"), "Venue", null, null, null, null, null, null, [], []);

    [Theory]
    // 23:59 in Toronto on the day before, midnight starting the first day, the last minute of the last day, then after.
    [InlineData("2025-04-09T03:59:00Z", EventPhase.Before)]
    [InlineData("2025-04-09T04:00:00Z", EventPhase.During)]
    [InlineData("2025-04-12T03:59:00Z", EventPhase.During)]
    [InlineData("2025-04-12T04:00:00Z", EventPhase.After)]
    public void The_phase_turns_at_midnight_in_the_events_zone(string utc, EventPhase phase) =>
        Assert.Equal(phase, EventMoment.PhaseOf(Event, DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void The_moment_is_the_start_of_its_five_minute_slot()
    {
        var slot = EventMoment.SlotStart(new DateTimeOffset(2025, 4, 10, 13, 44, 59, TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2025, 4, 10, 13, 40, 0, TimeSpan.Zero), slot);
    }
}
