using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;

namespace TheoryAI.Tests.Export.Frab;

/// <summary>One event of a schedule document, read back the way a schedule app reads it.</summary>
public sealed record ParsedEvent(int Id, Guid Guid, string DayDate, string ListedRoom, string Room, DateTimeOffset Date,
    string Start, string Duration, string Title, string Type, string Track, string Abstract, string Slug, string Url,
    IReadOnlyList<(int Id, string Name)> Persons, IReadOnlyList<string> Links);

public sealed record ParsedSchedule(string Version, string Acronym, string Title, string Start, string End, int DaysCount,
    string TimeZone, IReadOnlyList<string> DayDates, IReadOnlyList<ParsedEvent> Events);

/// <summary>Parses schedule.xml and schedule.json back into one shape, so tests check both documents alike.</summary>
public static class FrabDocuments
{
    public static ParsedSchedule ParseXml(byte[] body)
    {
        using var stream = new MemoryStream(body);
        var root = XDocument.Load(stream).Root!;
        Assert.Equal("schedule", root.Name.LocalName);
        var conference = root.Element("conference")!;
        var events = new List<ParsedEvent>();
        foreach (var day in root.Elements("day"))
        {
            foreach (var room in day.Elements("room"))
            {
                foreach (var ev in room.Elements("event"))
                {
                    events.Add(new ParsedEvent(
                        int.Parse((string)ev.Attribute("id")!, CultureInfo.InvariantCulture), Guid.Parse((string)ev.Attribute("guid")!),
                        (string)day.Attribute("date")!, (string)room.Attribute("name")!, ev.Element("room")!.Value,
                        DateTimeOffset.Parse(ev.Element("date")!.Value, CultureInfo.InvariantCulture),
                        ev.Element("start")!.Value, ev.Element("duration")!.Value, ev.Element("title")!.Value, ev.Element("type")!.Value,
                        ev.Element("track")!.Value, ev.Element("abstract")!.Value, ev.Element("slug")!.Value, ev.Element("url")!.Value,
                        ev.Element("persons")!.Elements("person").Select(p => (int.Parse((string)p.Attribute("id")!, CultureInfo.InvariantCulture), p.Value)).ToList(),
                        ev.Element("links")!.Elements("link").Select(l => (string)l.Attribute("href")!).ToList()));
                }
            }
        }
        return new ParsedSchedule(root.Element("version")!.Value, conference.Element("acronym")!.Value, conference.Element("title")!.Value,
            conference.Element("start")!.Value, conference.Element("end")!.Value,
            int.Parse(conference.Element("days")!.Value, CultureInfo.InvariantCulture), conference.Element("time_zone_name")!.Value,
            root.Elements("day").Select(d => (string)d.Attribute("date")!).ToList(), events);
    }

    public static ParsedSchedule ParseJson(byte[] body)
    {
        using var json = JsonDocument.Parse(body);
        var schedule = json.RootElement.GetProperty("schedule");
        var conference = schedule.GetProperty("conference");
        var events = new List<ParsedEvent>();
        foreach (var day in conference.GetProperty("days").EnumerateArray())
        {
            foreach (var room in day.GetProperty("rooms").EnumerateObject())
            {
                foreach (var ev in room.Value.EnumerateArray())
                {
                    events.Add(new ParsedEvent(
                        ev.GetProperty("id").GetInt32(), ev.GetProperty("guid").GetGuid(), day.GetProperty("date").GetString()!, room.Name,
                        S(ev, "room"), DateTimeOffset.Parse(S(ev, "date"), CultureInfo.InvariantCulture), S(ev, "start"), S(ev, "duration"),
                        S(ev, "title"), S(ev, "type"), S(ev, "track"), S(ev, "abstract"), S(ev, "slug"), S(ev, "url"),
                        ev.GetProperty("persons").EnumerateArray().Select(p => (p.GetProperty("id").GetInt32(), S(p, "name"))).ToList(),
                        ev.GetProperty("links").EnumerateArray().Select(l => S(l, "url")).ToList()));
                }
            }
        }
        return new ParsedSchedule(S(schedule, "version"), S(conference, "acronym"), S(conference, "title"), S(conference, "start"),
            S(conference, "end"), conference.GetProperty("daysCount").GetInt32(), S(conference, "time_zone_name"),
            conference.GetProperty("days").EnumerateArray().Select(d => S(d, "date")).ToList(), events);

        static string S(JsonElement e, string name) => e.GetProperty(name).GetString()!;
    }

    /// <summary>The document without the generator, which names the build that wrote it.</summary>
    public static string WithoutGenerator(byte[] body)
    {
        var text = System.Text.Encoding.UTF8.GetString(body);
        return System.Text.RegularExpressions.Regex.Replace(text, "<generator [^>]*/>|\"generator\": \\{[^}]*\\}", "");
    }
}
