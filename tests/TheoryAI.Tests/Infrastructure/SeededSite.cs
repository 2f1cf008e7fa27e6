namespace TheoryAI.Tests.Infrastructure;

/// <summary>One seeded site shared by a test class.</summary>
public sealed class SeededSite : IDisposable
{
    public SeededSite()
    {
        Factory = new SiteFactory();
        Client = Factory.CreateClient();
    }

    public SiteFactory Factory { get; }
    public HttpClient Client { get; }

    public void Dispose() => Factory.Dispose();
}
