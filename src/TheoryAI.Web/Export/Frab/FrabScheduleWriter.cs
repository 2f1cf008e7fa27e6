using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Export.Frab;

/// <summary>
/// Writes the programme as a frab schedule: schedule.xml (valid against c3voc's schedule.xml.xsd) and schedule.json
/// ("version 1", the shape pretalx and frab export, valid against c3voc's schema.json). Giggity, EventFahrplan,
/// ConfClerk, pretalx-downstream and c3voc's recording pipeline read these.
/// </summary>
public static class FrabScheduleWriter
{
    public const string XmlMediaType = "application/xml";
    public const string JsonMediaType = "application/json";

    private static readonly string GeneratorName = "TheoryAI.Web";
    private static readonly string GeneratorVersion =
        typeof(FrabScheduleWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "1.0";

    public static byte[] WriteXml(ProgrammeSnapshot programme, FrabOptions options) => WriteXml(FrabSchedule.From(programme, options));

    public static byte[] WriteJson(ProgrammeSnapshot programme, FrabOptions options) => WriteJson(FrabSchedule.From(programme, options));

    public static byte[] WriteXml(FrabSchedule schedule)
    {
        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, IndentChars = " " };
        using (var xml = XmlWriter.Create(stream, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("schedule");
            xml.WriteStartElement("generator");
            xml.WriteAttributeString("name", GeneratorName);
            xml.WriteAttributeString("version", GeneratorVersion);
            xml.WriteEndElement();
            xml.WriteElementString("url", new Uri(schedule.BaseUrl, "schedule.xml").ToString());
            xml.WriteElementString("version", schedule.Version);
            xml.WriteStartElement("conference");
            xml.WriteElementString("acronym", schedule.Acronym);
            xml.WriteElementString("title", schedule.Title);
            xml.WriteElementString("start", Date(schedule.Event.StartDate));
            xml.WriteElementString("end", Date(schedule.Event.EndDate));
            xml.WriteElementString("days", schedule.Days.Count.ToString(CultureInfo.InvariantCulture));
            xml.WriteElementString("timeslot_duration", "00:05");
            xml.WriteElementString("base_url", schedule.BaseUrl.ToString());
            if (IsHttpUrl(schedule.Event.Url))
            {
                xml.WriteElementString("url", schedule.Event.Url);
            }
            xml.WriteElementString("time_zone_name", schedule.Event.TimeZoneId);
            xml.WriteEndElement();

            foreach (var day in schedule.Days)
            {
                xml.WriteStartElement("day");
                xml.WriteAttributeString("index", day.Index.ToString(CultureInfo.InvariantCulture));
                xml.WriteAttributeString("date", Date(day.Date));
                xml.WriteAttributeString("start", Instant(day.Start));
                xml.WriteAttributeString("end", Instant(day.End));
                foreach (var room in day.Rooms)
                {
                    xml.WriteStartElement("room");
                    xml.WriteAttributeString("name", room.Name);
                    xml.WriteAttributeString("guid", room.Guid);
                    foreach (var ev in room.Events)
                    {
                        WriteXmlEvent(xml, ev);
                    }
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return stream.ToArray();
    }

    private static void WriteXmlEvent(XmlWriter xml, FrabEvent ev)
    {
        xml.WriteStartElement("event");
        xml.WriteAttributeString("id", ev.Id.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("guid", ev.Guid.ToString());
        xml.WriteElementString("date", Instant(ev.Start));
        xml.WriteElementString("start", ev.StartText);
        xml.WriteElementString("duration", ev.DurationText);
        xml.WriteElementString("room", ev.Room);
        xml.WriteElementString("slug", ev.Slug);
        xml.WriteElementString("url", ev.Url);
        xml.WriteElementString("title", ev.Title);
        xml.WriteElementString("subtitle", "");
        xml.WriteElementString("track", ev.Track);
        xml.WriteElementString("type", ev.Type);
        xml.WriteElementString("language", ev.Language);
        xml.WriteElementString("abstract", ev.Abstract);
        xml.WriteElementString("description", "");
        xml.WriteStartElement("persons");
        foreach (var person in ev.Persons)
        {
            xml.WriteStartElement("person");
            xml.WriteAttributeString("id", person.Id.ToString(CultureInfo.InvariantCulture));
            xml.WriteString(person.Name);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteStartElement("links");
        if (ev.RecordingUrl is not null)
        {
            xml.WriteStartElement("link");
            xml.WriteAttributeString("href", ev.RecordingUrl);
            xml.WriteAttributeString("type", "media");
            xml.WriteString(RecordingTitle);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    /// <summary>The title of the link that carries a talk's recording.</summary>
    public const string RecordingTitle = "Recording";

    public static byte[] WriteJson(FrabSchedule schedule)
    {
        using var stream = new MemoryStream();
        // Keeps "é" and "–" as UTF-8 rather than \u escapes: the document is served as application/json, never inlined in HTML.
        var writerOptions = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var json = new Utf8JsonWriter(stream, writerOptions))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://c3voc.de/schedule/schema.json");
            json.WriteStartObject("generator");
            json.WriteString("name", GeneratorName);
            json.WriteString("version", GeneratorVersion);
            json.WriteEndObject();
            json.WriteStartObject("schedule");
            json.WriteString("url", new Uri(schedule.BaseUrl, "schedule.json").ToString());
            json.WriteString("version", schedule.Version);
            json.WriteString("base_url", schedule.BaseUrl.ToString());
            json.WriteStartObject("conference");
            json.WriteString("acronym", schedule.Acronym);
            json.WriteString("title", schedule.Title);
            json.WriteString("start", Date(schedule.Event.StartDate));
            json.WriteString("end", Date(schedule.Event.EndDate));
            json.WriteNumber("daysCount", schedule.Days.Count);
            json.WriteString("timeslot_duration", "00:05");
            json.WriteString("time_zone_name", schedule.Event.TimeZoneId);
            if (IsHttpUrl(schedule.Event.Url))
            {
                json.WriteString("url", schedule.Event.Url);
            }
            json.WriteStartArray("rooms");
            foreach (var room in schedule.Rooms)
            {
                json.WriteStartObject();
                json.WriteString("name", room.Name);
                json.WriteString("guid", room.Guid);
                if (room.Capacity is int capacity)
                {
                    json.WriteNumber("capacity", capacity);
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("days");
            foreach (var day in schedule.Days)
            {
                json.WriteStartObject();
                json.WriteNumber("index", day.Index);
                json.WriteString("date", Date(day.Date));
                json.WriteString("day_start", Instant(day.Start));
                json.WriteString("day_end", Instant(day.End));
                json.WriteStartObject("rooms");
                foreach (var room in day.Rooms)
                {
                    json.WriteStartArray(room.Name);
                    foreach (var ev in room.Events)
                    {
                        WriteJsonEvent(json, ev);
                    }
                    json.WriteEndArray();
                }
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return stream.ToArray();
    }

    private static void WriteJsonEvent(Utf8JsonWriter json, FrabEvent ev)
    {
        json.WriteStartObject();
        json.WriteNumber("id", ev.Id);
        json.WriteString("guid", ev.Guid.ToString());
        json.WriteString("date", Instant(ev.Start));
        json.WriteString("start", ev.StartText);
        json.WriteString("end", Instant(ev.End));
        json.WriteString("duration", ev.DurationText);
        json.WriteString("room", ev.Room);
        json.WriteString("slug", ev.Slug);
        json.WriteString("url", ev.Url);
        json.WriteString("title", ev.Title);
        json.WriteString("subtitle", "");
        json.WriteString("track", ev.Track);
        json.WriteString("type", ev.Type);
        json.WriteString("language", ev.Language);
        json.WriteString("abstract", ev.Abstract);
        json.WriteString("description", "");
        json.WriteStartArray("persons");
        foreach (var person in ev.Persons)
        {
            json.WriteStartObject();
            json.WriteNumber("id", person.Id);
            json.WriteString("name", person.Name);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("links");
        if (ev.RecordingUrl is not null)
        {
            json.WriteStartObject();
            json.WriteString("type", "media");
            json.WriteString("url", ev.RecordingUrl);
            json.WriteString("title", RecordingTitle);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 with the event's offset at that instant: 2025-04-09T09:45:00-04:00.</summary>
    private static string Instant(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
