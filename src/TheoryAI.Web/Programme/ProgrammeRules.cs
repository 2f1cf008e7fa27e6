using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace TheoryAI.Web.Programme;

/// <summary>A broken rule: the form field it concerns (the input's property name) and what to do about it.
/// <see cref="IsClash"/>: two blocks at once in one room or with one speaker, which a draft may hold for a while (a
/// swap takes two saves) but Publish refuses.</summary>
public sealed record RuleViolation(string Field, string Message, bool IsClash = false);

/// <summary>A block already in the timetable, as the rules see it.</summary>
public sealed record ScheduledBlock(int SessionId, string Title, DateTime Start, DateTime End, int? RoomId, IReadOnlyCollection<int> SpeakerIds);

/// <summary>A block an organizer wants to save. <see cref="SessionId"/> is null for a new one.</summary>
public sealed record ProposedBlock(int? SessionId, string Title, DateTime Start, DateTime End, int? RoomId,
    IReadOnlyCollection<int> SpeakerIds, bool AllowRoomOverlap = false);

/// <summary>
/// The rules of the timetable, in one place and without HTTP: times that exist and end after they start, on one of
/// the event's days; no two blocks in one room at once (unless deliberately allowed); no speaker in two places at
/// once; unique talk numbers, room codes and speaker slugs. Field names are the edit forms' input names.
/// </summary>
public sealed partial class ProgrammeRules(
    IReadOnlyCollection<DateOnly> days,
    TimeZoneInfo zone,
    IReadOnlyCollection<ScheduledBlock> schedule,
    IReadOnlyDictionary<int, string> roomNames,
    IReadOnlyDictionary<int, string> speakerNames,
    string allowSharingHint = "tick “Allow sharing the room”")
{
    public const string DateField = "Date";
    public const string StartField = "StartTime";
    public const string EndField = "EndTime";
    public const string RoomField = "RoomId";
    public const string SpeakersField = "SpeakerIds";

    public IReadOnlyList<RuleViolation> Check(ProposedBlock block)
    {
        var problems = new List<RuleViolation>();
        var date = DateOnly.FromDateTime(block.Start);
        if (!days.Contains(date))
        {
            problems.Add(new(DateField, $"Date: {Format(date)} is not a day of the event. Choose one of {string.Join(", ", days.Order().Select(Format))}."));
        }
        if (DateOnly.FromDateTime(block.End) != date)
        {
            problems.Add(new(EndField, "End: a block must end on the day it starts. Split it into one block per day."));
        }
        if (!EventClock.Exists(block.Start, zone))
        {
            problems.Add(new(StartField, $"Start: {block.Start:HH:mm} does not exist on {Format(date)} in {zone.Id} (the clocks skip it). Choose another time."));
        }
        if (!EventClock.Exists(block.End, zone))
        {
            problems.Add(new(EndField, $"End: {block.End:HH:mm} does not exist on {Format(date)} in {zone.Id} (the clocks skip it). Choose another time."));
        }
        if (block.End <= block.Start)
        {
            problems.Add(new(EndField, $"End: must be after the start ({block.Start:HH:mm}). Set a later end time."));
            return problems;
        }

        var overlapping = schedule
            .Where(other => other.SessionId != block.SessionId && other.Start < block.End && block.Start < other.End)
            .OrderBy(other => other.Start)
            .ToList();
        if (block.RoomId is int roomId && !block.AllowRoomOverlap)
        {
            foreach (var clash in overlapping.Where(o => o.RoomId == roomId))
            {
                problems.Add(new(RoomField,
                    $"Room: {roomNames.GetValueOrDefault(roomId, "this room")} is already used by “{clash.Title}” ({clash.Start:HH:mm}–{clash.End:HH:mm}). " +
                    $"Choose another room or time, or {allowSharingHint} if both really happen there.", IsClash: true));
            }
        }
        foreach (var speakerId in block.SpeakerIds.Distinct())
        {
            foreach (var clash in overlapping.Where(o => o.SpeakerIds.Contains(speakerId)))
            {
                problems.Add(new(SpeakersField,
                    $"Speakers: {speakerNames.GetValueOrDefault(speakerId, "a speaker")} is also in “{clash.Title}” ({clash.Start:HH:mm}–{clash.End:HH:mm}). " +
                    "Move one of the two, or change the speakers.", IsClash: true));
            }
        }
        return problems;
    }

    public static RuleViolation? CheckTalkNumber(int number, IEnumerable<int> otherNumbers) =>
        number < 1 ? new("Number", "Number: use a positive whole number.")
        : otherNumbers.Contains(number) ? new("Number", $"Number: {number} is already used by another talk. Choose an unused number.")
        : null;

    public static RuleViolation? CheckRoomCode(string code, IEnumerable<string> otherCodes) =>
        otherCodes.Any(c => string.Equals(c.Trim(), code.Trim(), StringComparison.OrdinalIgnoreCase))
            ? new("Code", $"Code: another room already has the code “{code.Trim()}”. Room codes must be unique.")
            : null;

    /// <summary>Lower-case letters, digits and single hyphens: a speaker's address on the site.</summary>

    public static RuleViolation? CheckSpeakerSlug(string slug, IEnumerable<string> otherSlugs) =>
        !Slugs.IsValid(slug)
            ? new("Slug", "Slug: use lower-case letters, digits and single hyphens (e.g. ada-lovelace); it is the speaker's address on the site.")
            : otherSlugs.Any(s => string.Equals(s, slug, StringComparison.OrdinalIgnoreCase))
                ? new("Slug", $"Slug: “{slug}” already belongs to another speaker. Choose another (e.g. add a middle initial).")
                : null;

    private static string Format(DateOnly date) => date.ToString("ddd d MMM yyyy", Display.Culture);


}
