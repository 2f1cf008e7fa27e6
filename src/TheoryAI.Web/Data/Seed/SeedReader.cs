using System.Globalization;
using TheoryAI.Web.Programme;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace TheoryAI.Web.Data.Seed;

/// <summary>The entities a valid seed file describes, ready to be added to an empty store.</summary>
public sealed record SeedProgramme(
    ConferenceEvent Event,
    IReadOnlyList<Day> Days,
    IReadOnlyList<Room> Rooms,
    IReadOnlyList<Speaker> Speakers,
    IReadOnlyList<Session> Sessions);

/// <summary>Reads and checks a seed file. Every problem is reported with its file, entry and field.</summary>
public static class SeedReader
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static SeedProgramme Read(string path)
    {
        var fileName = Path.GetFileName(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SeedException([new SeedProblem(path, "(file)", "(file)", $"cannot be read: {ex.Message}")]);
        }
        return Parse(text, fileName, Path.GetDirectoryName(Path.GetFullPath(path)));
    }

    /// <param name="yaml">The seed file's text.</param>
    /// <param name="fileName">Its name, for the messages.</param>
    /// <param name="folder">Its folder, where the logo and header image files are; without one, naming an image is refused.</param>
    public static SeedProgramme Parse(string yaml, string fileName, string? folder = null)
    {
        SeedFile? file;
        try
        {
            file = Yaml.Deserialize<SeedFile>(yaml);
        }
        catch (YamlException ex)
        {
            var reason = ex.InnerException?.Message ?? ex.Message;
            throw new SeedException([new SeedProblem(fileName, $"line {ex.Start.Line}, column {ex.Start.Column}", "(syntax)", reason)]);
        }
        return new Validation(fileName, folder).Check(file ?? new SeedFile());
    }

    private sealed class Validation(string fileName, string? folder)
    {
        private readonly List<SeedProblem> _problems = [];

        private void Problem(string entry, string field, string message) =>
            _problems.Add(new SeedProblem(fileName, entry, field, message));

        private string? Required(string entry, string field, string? value, int maxLength = 300)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Problem(entry, field, "is required");
                return null;
            }
            var text = Text(entry, field, value)!;
            if (text.Length > maxLength)
            {
                Problem(entry, field, $"is longer than {maxLength} characters");
            }
            return text;
        }

        /// <summary>Optional text through <see cref="TextRules"/>: pasted line breaks normalised, control characters refused.</summary>
        private string? Text(string entry, string field, string? value, bool multiLine = false)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }
            var text = TextRules.Normalise(value, multiLine).Trim();
            if (TextRules.Problem(text) is { } problem)
            {
                Problem(entry, field, problem);
            }
            return text;
        }

        private string? OptionalUrl(string entry, string field, string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }
            if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                Problem(entry, field, $"'{value}' is not an absolute http(s) address");
                return null;
            }
            return uri.ToString();
        }

        /// <summary>The accent through <see cref="AccentColour"/>: a #rrggbb colour that passes the contrast rule.</summary>
        private string? Accent(string entry, string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }
            if (AccentColour.Problem(value) is { } problem)
            {
                Problem(entry, "accent", problem);
                return null;
            }
            return AccentColour.Normalise(value);
        }

        /// <summary>Optional one-line text: a line break is refused (it would not show), as is text over the limit.</summary>
        private string? OneLine(string entry, string field, string? value, int maxLength)
        {
            if (value is not null && value.Trim().Contains('\n', StringComparison.Ordinal))
            {
                Problem(entry, field, "is one line: remove the line break");
                return null;
            }
            var text = Text(entry, field, value);
            if (text is not null && text.Length > maxLength)
            {
                Problem(entry, field, $"is {text.Length} characters long; at most {maxLength}");
            }
            return text;
        }

        /// <summary>An image file beside the seed file, checked by <see cref="EventImageRules"/>.</summary>
        private EventImage? Image(string entry, string field, string? value, EventImageKind kind)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }
            if (folder is null)
            {
                Problem(entry, field, $"'{value}' is a file beside the seed file, but this seed text has no folder");
                return null;
            }
            var path = Path.GetFullPath(Path.Combine(folder, value.Trim()));
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
            {
                Problem(entry, field, $"file '{value.Trim()}' not found beside {fileName} (paths are relative to the seed file's folder)");
                return null;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Problem(entry, field, $"file '{value.Trim()}' cannot be read: {ex.Message}");
                return null;
            }
            var (image, problem) = EventImageRules.Check(kind, bytes);
            if (problem is not null)
            {
                Problem(entry, field, $"'{value.Trim()}': {problem}");
                return null;
            }
            return new EventImage { Hash = image!.Hash, Content = image.Content, ContentType = image.MediaType };
        }

        private DateOnly? Date(string entry, string field, string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Problem(entry, field, "is required (yyyy-MM-dd)");
                return null;
            }
            if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                Problem(entry, field, $"'{value}' is not a date in the form yyyy-MM-dd");
                return null;
            }
            return date;
        }

        private TimeOnly? Time(string entry, string field, string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Problem(entry, field, "is required (HH:mm)");
                return null;
            }
            if (!TimeOnly.TryParseExact(value.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            {
                Problem(entry, field, $"'{value}' is not a time in the form HH:mm");
                return null;
            }
            return time;
        }

        public SeedProgramme Check(SeedFile file)
        {
            var ev = CheckEvent(file.Event);
            var rooms = CheckRooms(file.Rooms);
            var speakers = CheckSpeakers(file.Speakers);
            var (days, sessions) = CheckDays(file.Days, ev, rooms, speakers);
            if (_problems.Count > 0)
            {
                throw new SeedException(_problems);
            }
            return new SeedProgramme(ev!, days, rooms.Values.ToList(), speakers.Values.ToList(), sessions);
        }

        private ConferenceEvent? CheckEvent(SeedEvent? seed)
        {
            const string entry = "event";
            if (seed is null)
            {
                Problem(entry, "event", "is required");
                return null;
            }
            var name = Required(entry, "name", seed.Name, 200);
            var start = Date(entry, "startDate", seed.StartDate);
            var end = Date(entry, "endDate", seed.EndDate);
            if (start is not null && end is not null && end < start)
            {
                Problem(entry, "endDate", $"{end:yyyy-MM-dd} is before startDate {start:yyyy-MM-dd}");
            }
            var zoneId = Required(entry, "timeZone", seed.TimeZone, 64);
            if (zoneId is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out _))
            {
                Problem(entry, "timeZone", $"'{zoneId}' is not a known IANA time zone id (e.g. America/Toronto)");
                zoneId = null;
            }
            var venue = Required(entry, "venue", seed.Venue, 200);
            var accent = Accent(entry, seed.Accent);
            var tagline = OneLine(entry, "tagline", seed.Tagline, 140);
            var shortName = OneLine(entry, "shortName", seed.ShortName, 60);
            var logo = Image(entry, "logo", seed.Logo, EventImageKind.Logo);
            var headerImage = Image(entry, "headerImage", seed.HeaderImage, EventImageKind.HeaderImage);
            if (logo is not null && headerImage is not null && logo.Hash == headerImage.Hash)
            {
                headerImage = logo; // one row for the same bytes
            }
            if (name is null || start is null || end is null || zoneId is null || venue is null)
            {
                return null;
            }
            var ev = new ConferenceEvent
            {
                Name = name,
                StartDate = start.Value,
                EndDate = end.Value,
                TimeZoneId = zoneId,
                Venue = venue,
                Address = Text(entry, "address", seed.Address),
                Host = Text(entry, "host", seed.Host),
                Url = OptionalUrl(entry, "url", seed.Url),
                DescriptionMarkdown = Text(entry, "description", seed.Description, multiLine: true),
                DirectionsMarkdown = Text(entry, "directions", seed.Directions, multiLine: true),
                CompanionName = Text(entry, "companion.name", seed.Companion?.Name),
                CompanionUrl = OptionalUrl(entry, "companion.url", seed.Companion?.Url),
                Accent = accent,
                Tagline = tagline,
                ShortName = shortName,
                Logo = logo,
                LogoHash = logo?.Hash,
                HeaderImage = headerImage,
                HeaderImageHash = headerImage?.Hash,
                ProgrammeVersion = 1,
            };
            AddPeople(ev, seed.Organizers, EventRole.Organizer, "organizers");
            AddPeople(ev, seed.AdvisoryCommittee, EventRole.AdvisoryCommittee, "advisoryCommittee");
            return ev;
        }

        private void AddPeople(ConferenceEvent ev, List<SeedPerson> people, EventRole role, string list)
        {
            for (var i = 0; i < people.Count; i++)
            {
                var name = Required($"event.{list}[{i}]", "name", people[i].Name, 200);
                if (name is not null)
                {
                    ev.People.Add(new EventPerson { Role = role, Position = i, Name = name, Affiliation = Text($"event.{list}[{i}]", "affiliation", people[i].Affiliation) });
                }
            }
        }

        private Dictionary<string, Room> CheckRooms(List<SeedRoom> seeds)
        {
            var rooms = new Dictionary<string, Room>(StringComparer.Ordinal);
            for (var i = 0; i < seeds.Count; i++)
            {
                var seed = seeds[i];
                var entry = $"rooms[{i}] ({seed.Code ?? seed.Name ?? "unnamed"})";
                var code = Required(entry, "code", seed.Code, 40);
                var name = Required(entry, "name", seed.Name, 100);
                if (seed.Capacity is <= 0)
                {
                    Problem(entry, "capacity", $"{seed.Capacity} is not a positive number of seats");
                }
                if (code is null || name is null)
                {
                    continue;
                }
                if (!rooms.TryAdd(code, new Room { Code = code, Name = name, Capacity = seed.Capacity }))
                {
                    Problem(entry, "code", $"room '{code}' is listed twice");
                }
            }
            return rooms;
        }

        /// <summary>Speakers by slug. Aliases only document other spellings in the sources: one person is one entry.</summary>
        private Dictionary<string, Speaker> CheckSpeakers(List<SeedSpeaker> seeds)
        {
            var speakers = new Dictionary<string, Speaker>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < seeds.Count; i++)
            {
                var seed = seeds[i];
                var entry = $"speakers[{i}] ({seed.Name ?? seed.Slug ?? "unnamed"})";
                var slug = Required(entry, "slug", seed.Slug, 100);
                var name = Required(entry, "name", seed.Name, 200);
                if (slug is not null && !Slugs.IsValid(slug))
                {
                    Problem(entry, "slug", $"'{slug}' may only hold lower-case letters, digits and single hyphens");
                    continue;
                }
                if (slug is null || name is null)
                {
                    continue;
                }
                var speaker = new Speaker
                {
                    Slug = slug,
                    Name = name,
                    Affiliation = Text(entry, "affiliation", seed.Affiliation),
                    HomepageUrl = OptionalUrl(entry, "homepage", seed.Homepage),
                };
                if (!speakers.TryAdd(slug, speaker))
                {
                    Problem(entry, "slug", $"speaker '{slug}' is listed twice");
                }
            }
            return speakers;
        }

        private (List<Day>, List<Session>) CheckDays(List<SeedDay> seeds, ConferenceEvent? ev, Dictionary<string, Room> rooms, Dictionary<string, Speaker> speakers)
        {
            var days = new List<Day>();
            var sessions = new List<Session>();
            var placed = new List<PlacedEntry>();
            var numbers = new Dictionary<int, string>();
            if (seeds.Count == 0)
            {
                Problem("days", "days", "the programme has no days");
            }
            for (var d = 0; d < seeds.Count; d++)
            {
                var seedDay = seeds[d];
                var dayEntry = $"days[{d}] ({seedDay.Date ?? "no date"})";
                var date = Date(dayEntry, "date", seedDay.Date);
                if (date is null)
                {
                    continue;
                }
                if (ev is not null && (date < ev.StartDate || date > ev.EndDate))
                {
                    Problem(dayEntry, "date", $"{date:yyyy-MM-dd} is outside the event's dates {ev.StartDate:yyyy-MM-dd} to {ev.EndDate:yyyy-MM-dd}");
                }
                if (days.Any(x => x.Date == date))
                {
                    Problem(dayEntry, "date", $"day {date:yyyy-MM-dd} is listed twice");
                }
                days.Add(new Day { Date = date.Value, Title = Text(dayEntry, "title", seedDay.Title) });

                for (var i = 0; i < seedDay.Entries.Count; i++)
                {
                    var position = $"{dayEntry} entries[{i}]";
                    var session = CheckEntry(seedDay.Entries[i], position, date.Value, ev, rooms, speakers, numbers);
                    if (session is not null)
                    {
                        session.AllowRoomSharing = seedDay.Entries[i].AllowRoomSharing;
                        sessions.Add(session);
                        placed.Add(new PlacedEntry(session, EntryName(seedDay.Entries[i], position), seedDay.Entries[i].AllowRoomSharing));
                    }
                }
            }
            if (ev is not null)
            {
                CheckTimetable(ev, days, placed);
            }
            return (days, sessions);
        }

        private sealed record PlacedEntry(Session Session, string Entry, bool AllowRoomSharing);

        private static string EntryName(SeedEntry seed, string position) =>
            seed.Number is int n ? $"{position} (no. {n} \"{seed.Title}\")" : $"{position} (\"{seed.Title}\")";

        /// <summary>
        /// The timetable rules the admin forms apply (<see cref="ProgrammeRules"/>): times that exist, no two blocks in one
        /// room at once unless an entry says <c>allowRoomSharing: true</c>, no speaker in two places at once. Each entry is
        /// checked against the entries before it, so a clash is reported once, at the later entry.
        /// </summary>
        private void CheckTimetable(ConferenceEvent ev, List<Day> days, List<PlacedEntry> placed)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(ev.TimeZoneId);
            var roomIds = new Dictionary<Room, int>();
            var speakerIds = new Dictionary<Speaker, int>();
            int? RoomId(Room? room) => room is null ? null : roomIds.TryGetValue(room, out var id) ? id : roomIds[room] = roomIds.Count;
            List<int> SpeakerIds(Session session) =>
                (session.Talk?.Speakers ?? []).Select(ts => speakerIds.TryGetValue(ts.Speaker, out var id) ? id : speakerIds[ts.Speaker] = speakerIds.Count).ToList();

            var dates = days.Select(d => d.Date).ToList();
            var earlier = new List<ScheduledBlock>();
            for (var i = 0; i < placed.Count; i++)
            {
                var (session, entry, allowSharing) = placed[i];
                var block = new ScheduledBlock(i, session.Title, session.Start, session.End, RoomId(session.Room), SpeakerIds(session));
                if (block.End > block.Start)
                {
                    var rules = new ProgrammeRules(dates, zone, earlier,
                        roomIds.ToDictionary(r => r.Value, r => r.Key.Code), speakerIds.ToDictionary(s => s.Value, s => s.Key.Slug),
                        "set allowRoomSharing: true on this entry");
                    foreach (var violation in rules.Check(new ProposedBlock(i, block.Title, block.Start, block.End, block.RoomId, block.SpeakerIds, allowSharing)))
                    {
                        Problem(entry, SeedField(violation.Field), WithoutFieldName(violation.Message));
                    }
                }
                earlier.Add(block);
            }
        }

        private static string SeedField(string formField) => formField switch
        {
            ProgrammeRules.StartField => "start",
            ProgrammeRules.EndField => "end",
            ProgrammeRules.RoomField => "room",
            ProgrammeRules.SpeakersField => "speakers",
            _ => "date",
        };

        /// <summary>The rules' messages start with the form's label ("Room: …"); the seed problem names its field already.</summary>
        private static string WithoutFieldName(string message) =>
            message.IndexOf(": ", StringComparison.Ordinal) is var colon and > 0 ? message[(colon + 2)..] : message;

        private Session? CheckEntry(SeedEntry seed, string position, DateOnly date, ConferenceEvent? ev,
            Dictionary<string, Room> rooms, Dictionary<string, Speaker> speakers, Dictionary<int, string> numbers)
        {
            var entry = EntryName(seed, position);
            var title = Required(entry, "title", seed.Title, 300);
            SessionKind? kind = null;
            if (string.IsNullOrWhiteSpace(seed.Kind))
            {
                Problem(entry, "kind", $"is required (one of {KindNames})");
            }
            else if (Enum.TryParse<SessionKind>(seed.Kind.Trim(), ignoreCase: true, out var parsed) && !int.TryParse(seed.Kind, out _))
            {
                kind = parsed;
            }
            else
            {
                Problem(entry, "kind", $"'{seed.Kind}' is not one of {KindNames}");
            }

            var start = Time(entry, "start", seed.Start);
            var end = Time(entry, "end", seed.End);
            if (start is not null && end is not null && end <= start)
            {
                Problem(entry, "end", $"{seed.End} is not after start {seed.Start}");
            }

            Room? room = null;
            if (!string.IsNullOrWhiteSpace(seed.Room) && !rooms.TryGetValue(seed.Room.Trim(), out room))
            {
                Problem(entry, "room", $"unknown room '{seed.Room}' (rooms are: {string.Join(", ", rooms.Keys)})");
            }

            if (seed.Number is int number)
            {
                if (number <= 0)
                {
                    Problem(entry, "number", $"{number} is not a positive contribution number");
                }
                else if (!numbers.TryAdd(number, position))
                {
                    Problem(entry, "number", $"contribution number {number} is already used by {numbers[number]}");
                }
            }
            else if (seed.Speakers.Count > 0 || seed.Abstract is not null || seed.Recording is not null || seed.Type is not null)
            {
                Problem(entry, "number", "speakers, abstract, type and recording belong to numbered contributions: give the entry its number");
            }

            var talkSpeakers = new List<Speaker>();
            foreach (var slug in seed.Speakers)
            {
                if (speakers.TryGetValue(slug.Trim(), out var speaker))
                {
                    if (talkSpeakers.Contains(speaker))
                    {
                        Problem(entry, "speakers", $"speaker '{slug}' is listed twice");
                    }
                    else
                    {
                        talkSpeakers.Add(speaker);
                    }
                }
                else
                {
                    Problem(entry, "speakers", $"unknown speaker '{slug}' (give the slug of an entry under speakers)");
                }
            }
            var recording = OptionalUrl(entry, "recording", seed.Recording);

            if (title is null || kind is null || start is null || end is null)
            {
                return null;
            }
            var session = new Session
            {
                Kind = kind.Value,
                Title = title,
                Start = date.ToDateTime(start.Value),
                End = date.ToDateTime(end.Value),
                Room = room,
                Source = Text(entry, "source", seed.Source),
                InferredFields = seed.Inferred.Count == 0 ? null : string.Join(",", seed.Inferred.Select(f => f.Trim())),
            };
            if (seed.Number is int talkNumber && talkNumber > 0)
            {
                session.Talk = new Talk
                {
                    Number = talkNumber,
                    Type = Text(entry, "type", seed.Type),
                    AbstractMarkdown = Text(entry, "abstract", seed.Abstract, multiLine: true),
                    RecordingUrl = recording,
                    Speakers = talkSpeakers.Select((s, i) => new TalkSpeaker { Speaker = s, Position = i }).ToList(),
                };
            }
            return session;
        }

        private static string KindNames => string.Join(", ", Enum.GetNames<SessionKind>().Select(k => k.ToLowerInvariant()));
    }
}
