using System.Buffers.Binary;
using System.Security.Cryptography;

namespace TheoryAI.Tests.Infrastructure;

/// <summary>
/// RFC 6238 time-based one-time passwords (HMAC-SHA1, 30-second steps from the Unix epoch), written from the RFC so
/// the tests compute codes as an authenticator app does, independently of the site's Identity code.
/// </summary>
public static class Totp
{
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    public static string Code(byte[] key, DateTimeOffset at, int digits = 6)
    {
        var counter = at.ToUnixTimeSeconds() / (long)Step.TotalSeconds;
        Span<byte> message = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(message, counter);
        var hash = HMACSHA1.HashData(key, message);
        // RFC 4226 5.3, dynamic truncation: 31 bits from the offset the last nibble names.
        var offset = hash[^1] & 0x0f;
        var binary = BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7fffffff;
        var modulus = (int)Math.Pow(10, digits);
        return (binary % modulus).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }

    /// <summary>The code an app shows now for a key written in base32 (RFC 4648), spaces and case ignored.</summary>
    public static string CodeNow(string base32Key) => Code(Base32(base32Key), DateTimeOffset.UtcNow);

    /// <summary>A code the app showed hours ago, and none of the codes of the few minutes around now: wrong now.</summary>
    public static string StaleCode(string base32Key)
    {
        var key = Base32(base32Key);
        var now = DateTimeOffset.UtcNow;
        var current = Enumerable.Range(-10, 21).Select(i => Code(key, now + i * Step)).ToHashSet();
        return Enumerable.Range(1, 100).Select(h => Code(key, now.AddHours(-h))).First(c => !current.Contains(c));
    }

    public static byte[] Base32(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant())
        {
            if (c is ' ' or '=')
            {
                continue;
            }
            var value = Alphabet.IndexOf(c);
            if (value < 0)
            {
                throw new FormatException($"'{c}' is not a base32 digit.");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }
        return [.. bytes];
    }
}
