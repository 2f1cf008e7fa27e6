namespace TheoryAI.BrowserTests.Infrastructure;

/// <summary>One address of every kind of public page, on the seeded programme.</summary>
public static class PublicPages
{
    public const string NotFound = "/no/such/page";

    public static readonly string[] All =
    [
        "/", "/programme", "/programme/2025-04-09", "/talks/2", "/speakers", "/speakers/robert-spekkens", "/venue",
        "/agenda", "/agenda?talks=2,3,5",
        "/search", "/search?q=learning", "/search?kind=breaks", SpeakerProfiles.PhotoPage,
        NotFound,
    ];

    public static TheoryData<string> Data()
    {
        var data = new TheoryData<string>();
        foreach (var path in All)
        {
            data.Add(path);
        }
        return data;
    }
}
