using System.Text;
using Ical.Net.CalendarComponents;

namespace TheoryAI.Tests.Export.Calendar;

/// <summary>Checks of the raw iCalendar text, and the second parser (Ical.Net's own).</summary>
public static class IcsText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>CRLF line ends only, every line at most 75 octets and valid UTF-8 by itself (folding never splits a
    /// character), no byte-order mark.</summary>
    public static void AssertWellFormed(byte[] body)
    {
        Assert.False(body.Length >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF, "no byte-order mark");
        var lines = Split(body);
        Assert.True(lines.Count > 3);
        Assert.Empty(lines[^1]); // the text ends with CRLF
        foreach (var line in lines)
        {
            Assert.True(line.Length <= 75, $"line of {line.Length} octets: {Encoding.UTF8.GetString(line)}");
            Assert.DoesNotContain((byte)'\n', line);
            Assert.DoesNotContain((byte)'\r', line);
            StrictUtf8.GetString(line); // throws on a split character
        }
        Assert.Equal("BEGIN:VCALENDAR", Encoding.ASCII.GetString(lines[0]));
    }

    private static List<byte[]> Split(byte[] body)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < body.Length - 1; i++)
        {
            if (body[i] == '\r' && body[i + 1] == '\n')
            {
                lines.Add(body[start..i]);
                start = i + 2;
                i++;
            }
        }
        lines.Add(body[start..]);
        return lines;
    }

    /// <summary>The events as Ical.Net reads them, keyed by UID.</summary>
    public static Dictionary<string, CalendarEvent> ParseWithIcalNet(string ics, out Ical.Net.Calendar calendar)
    {
        calendar = Ical.Net.Calendar.Load(ics) ?? throw new InvalidOperationException("Ical.Net read nothing.");
        return calendar.Events.ToDictionary(e => e.Uid!);
    }
}
