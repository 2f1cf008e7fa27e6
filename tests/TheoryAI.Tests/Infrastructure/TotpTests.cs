using System.Text;

namespace TheoryAI.Tests.Infrastructure;

/// <summary>The tests' own TOTP is checked against the RFC's test vectors before the site is checked against it.</summary>
public sealed class TotpTests
{
    [Theory]
    // RFC 6238 appendix B, SHA-1, 8 digits, key "12345678901234567890".
    [InlineData(59L, "94287082")]
    [InlineData(1111111109L, "07081804")]
    [InlineData(1111111111L, "14050471")]
    [InlineData(1234567890L, "89005924")]
    [InlineData(2000000000L, "69279037")]
    [InlineData(20000000000L, "65353130")]
    public void Codes_match_the_RFC_6238_test_vectors(long unixSeconds, string expected) =>
        Assert.Equal(expected, Totp.Code(Encoding.ASCII.GetBytes("12345678901234567890"), DateTimeOffset.FromUnixTimeSeconds(unixSeconds), digits: 8));

    [Fact]
    public void Base32_decodes_the_RFC_4648_test_vectors()
    {
        // RFC 4648 section 10: BASE32("foobar") = "MZXW6YTBOI======".
        Assert.Equal("foobar", Encoding.ASCII.GetString(Totp.Base32("MZXW6YTBOI======")));
        Assert.Equal("fooba", Encoding.ASCII.GetString(Totp.Base32("mzxw 6ytb")));
        Assert.Equal("f", Encoding.ASCII.GetString(Totp.Base32("MY======")));
    }
}
