using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Html;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Export.Discovery;

/// <summary>schema.org <c>Event</c> descriptions (JSON-LD) of the event and of each talk, for search engines and link
/// previews. Written into the page as a data block (<c>application/ld+json</c>), which browsers never run, so the
/// content security policy has nothing to allow.</summary>
public static class StructuredData
{
    public static JsonObject ForEvent(ProgrammeSnapshot programme, Uri baseUrl)
    {
        var ev = programme.Event;
        var json = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Event",
            ["name"] = ev.Name,
            ["startDate"] = ev.StartDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["endDate"] = ev.EndDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["eventStatus"] = "https://schema.org/EventScheduled",
            ["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode",
            ["location"] = Place(ev.Venue, ev.Address),
            ["url"] = baseUrl.AbsoluteUri,
        };
        if (!string.IsNullOrWhiteSpace(ev.DescriptionMarkdown))
        {
            json["description"] = MarkdownRenderer.ToPlainText(ev.DescriptionMarkdown);
        }
        if (!string.IsNullOrWhiteSpace(ev.Host))
        {
            json["organizer"] = new JsonObject { ["@type"] = "Organization", ["name"] = ev.Host };
        }
        return json;
    }

    public static JsonObject ForTalk(ProgrammeSnapshot programme, ProgrammeEntry entry, Uri baseUrl)
    {
        var talk = entry.Talk!;
        var ev = programme.Event;
        var json = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Event",
            ["name"] = entry.Title,
            ["startDate"] = Display.Iso(entry.StartUtc),
            ["endDate"] = Display.Iso(entry.EndUtc),
            ["eventStatus"] = "https://schema.org/EventScheduled",
            ["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode",
            ["location"] = Place(entry.Room is null ? ev.Venue : $"{entry.Room.DisplayName}, {ev.Venue}", ev.Address),
            ["url"] = new Uri(baseUrl, $"talks/{talk.Number}").AbsoluteUri,
            ["superEvent"] = new JsonObject { ["@type"] = "Event", ["name"] = ev.Name, ["url"] = baseUrl.AbsoluteUri },
        };
        if (!string.IsNullOrWhiteSpace(talk.AbstractMarkdown))
        {
            json["description"] = MarkdownRenderer.ToPlainText(talk.AbstractMarkdown);
        }
        if (talk.Speakers.Count > 0)
        {
            json["performer"] = new JsonArray(talk.Speakers.Select(s => (JsonNode)Person(s, baseUrl)).ToArray());
        }
        if (!string.IsNullOrWhiteSpace(talk.RecordingUrl))
        {
            json["recordedIn"] = new JsonObject { ["@type"] = "VideoObject", ["name"] = entry.Title, ["url"] = talk.RecordingUrl };
        }
        return json;
    }

    public static JsonObject Person(SpeakerInfo speaker, Uri baseUrl)
    {
        var person = new JsonObject
        {
            ["@type"] = "Person",
            ["name"] = speaker.Name,
            ["url"] = new Uri(baseUrl, $"speakers/{Uri.EscapeDataString(speaker.Slug)}").AbsoluteUri,
        };
        if (!string.IsNullOrWhiteSpace(speaker.Affiliation))
        {
            person["affiliation"] = new JsonObject { ["@type"] = "Organization", ["name"] = speaker.Affiliation };
        }
        if (speaker.PhotoPath is { } photo)
        {
            person["image"] = new Uri(baseUrl, photo.TrimStart('/')).AbsoluteUri;
        }
        return person;
    }

    /// <summary>The script element. The serializer's default encoder writes &lt;, &gt; and &amp; as \u escapes, so no
    /// text of the programme can close the element.</summary>
    public static IHtmlContent Script(JsonObject json) =>
        new HtmlString($"<script type=\"application/ld+json\">{json.ToJsonString(new JsonSerializerOptions { WriteIndented = false })}</script>");

    private static JsonObject Place(string name, string? address)
    {
        var place = new JsonObject { ["@type"] = "Place", ["name"] = name };
        if (!string.IsNullOrWhiteSpace(address))
        {
            place["address"] = address;
        }
        return place;
    }
}
