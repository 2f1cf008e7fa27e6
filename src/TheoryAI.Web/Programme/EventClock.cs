namespace TheoryAI.Web.Programme;

/// <summary>Conversions between the event's wall-clock times and instants, always through the event's zone rules.</summary>
public static class EventClock
{
    /// <summary>The instant of a wall-clock time in the zone. Ambiguous times (the repeated hour in autumn) take the
    /// earlier, daylight-time instant; a time that does not exist (the skipped hour in spring) is refused.</summary>
    public static DateTimeOffset ToInstant(DateTime wallClock, TimeZoneInfo zone)
    {
        var local = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            throw new ArgumentException($"{local:yyyy-MM-dd HH:mm} does not exist in {zone.Id} (clocks skip it).", nameof(wallClock));
        }
        var offset = zone.IsAmbiguousTime(local)
            ? zone.GetAmbiguousTimeOffsets(local).Max()
            : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>The event's wall-clock time at an instant.</summary>
    public static DateTime ToWallClock(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).DateTime;

    public static bool Exists(DateTime wallClock, TimeZoneInfo zone) =>
        !zone.IsInvalidTime(DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified));
}
