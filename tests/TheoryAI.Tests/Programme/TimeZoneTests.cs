using Microsoft.Extensions.DependencyInjection;
using TheoryAI.Tests.Infrastructure;
using TheoryAI.Web.Programme;

namespace TheoryAI.Tests.Programme;

public sealed class TimeZoneTests(SeededSite site) : IClassFixture<SeededSite>
{
    private static readonly TimeZoneInfo Toronto = TimeZoneInfo.FindSystemTimeZoneById("America/Toronto");

    private async Task<ProgrammeSnapshot> SnapshotAsync()
    {
        using var scope = site.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ProgrammeReader>().GetAsync();
    }

    [Fact]
    public async Task Bordelons_talk_is_0945_to_1030_in_Toronto_which_is_1345_to_1430_UTC()
    {
        var talk = (await SnapshotAsync()).FindTalk(2)!;
        Assert.Equal("Scaling Limits for Learning: Dynamics and Statics", talk.Title);
        Assert.Equal(new DateTime(2025, 4, 9, 9, 45, 0), talk.Start);
        Assert.Equal(new DateTime(2025, 4, 9, 10, 30, 0), talk.End);
        Assert.Equal(new DateTimeOffset(2025, 4, 9, 13, 45, 0, TimeSpan.Zero), talk.StartUtc);
        Assert.Equal(new DateTimeOffset(2025, 4, 9, 14, 30, 0, TimeSpan.Zero), talk.EndUtc);
        Assert.Equal(TimeSpan.FromHours(-4), talk.StartUtc.Offset);
    }

    [Fact]
    public async Task The_snapshot_carries_the_events_zone()
    {
        var snapshot = await SnapshotAsync();
        Assert.Equal("America/Toronto", snapshot.Event.TimeZoneId);
        Assert.Equal(new DateOnly(2025, 4, 9), snapshot.Event.StartDate);
        Assert.Equal(new DateOnly(2025, 4, 11), snapshot.Event.EndDate);
    }

    [Fact]
    public void Conversion_follows_the_zone_rules_not_a_fixed_offset()
    {
        // The same wall-clock time is UTC-5 in winter and UTC-4 in summer.
        Assert.Equal(TimeSpan.FromHours(-5), EventClock.ToInstant(new DateTime(2025, 1, 15, 9, 0, 0), Toronto).Offset);
        Assert.Equal(TimeSpan.FromHours(-4), EventClock.ToInstant(new DateTime(2025, 7, 15, 9, 0, 0), Toronto).Offset);
        Assert.Equal(new DateTime(2025, 4, 9, 9, 45, 0),
            EventClock.ToWallClock(new DateTimeOffset(2025, 4, 9, 13, 45, 0, TimeSpan.Zero), Toronto));
    }

    [Fact]
    public void A_time_skipped_by_the_spring_change_does_not_exist()
    {
        var skipped = new DateTime(2025, 3, 9, 2, 30, 0);
        Assert.False(EventClock.Exists(skipped, Toronto));
        Assert.Throws<ArgumentException>(() => EventClock.ToInstant(skipped, Toronto));
    }

    [Fact]
    public void The_repeated_autumn_hour_takes_the_earlier_instant()
    {
        var repeated = new DateTime(2025, 11, 2, 1, 30, 0);
        Assert.Equal(new DateTimeOffset(2025, 11, 2, 5, 30, 0, TimeSpan.Zero), EventClock.ToInstant(repeated, Toronto).ToUniversalTime());
    }
}
