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

    /// <summary>Every line at most 75 octets and valid UTF-8 by itself.</summary>
    public static void AssertLinesWithinLimit(byte[] body)
    {
        foreach (var line in Split(body))
        {
            Assert.True(line.Length <= 75, $"line of {line.Length} octets: {Encoding.UTF8.GetString(line)}");
            StrictUtf8.GetString(line);
        }
    }

    /// <summary>No control character but the CRLF line ends and HTAB (RFC 5545 3.1, 3.3.11).</summary>
    public static void AssertNoControlCharacters(byte[] body)
    {
        for (var i = 0; i < body.Length; i++)
        {
            var b = body[i];
            var lineEnd = (b == '\r' && i + 1 < body.Length && body[i + 1] == '\n') || (b == '\n' && i > 0 && body[i - 1] == '\r');
            Assert.False((b < 0x20 && b != '\t' && !lineEnd) || b == 0x7F, $"control character 0x{b:X2} at octet {i}");
        }
    }

    /// <summary>Walks every logical line across its folds: a fold right after an unpaired backslash cuts an escape.</summary>
    public static void AssertFoldsOutsideEscapes(string folded)
    {
        var physical = folded.Split("\r\n");
        var escaping = false;
        for (var i = 0; i < physical.Length; i++)
        {
            var text = physical[i];
            var continuation = text.StartsWith(' ');
            if (!continuation)
            {
                escaping = false;
            }
            else
            {
                Assert.False(escaping, $"fold inside an escape sequence before line {i}: '{physical[i - 1]}' / '{text}'");
                text = text[1..];
            }
            foreach (var c in text)
            {
                escaping = !escaping && c == '\\';
            }
            Assert.False(i > 0 && continuation && physical[i - 1].Length > 0 && char.IsHighSurrogate(physical[i - 1][^1]),
                "fold inside a surrogate pair");
        }
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
