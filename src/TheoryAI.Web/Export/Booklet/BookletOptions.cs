namespace TheoryAI.Web.Export.Booklet;

public enum PaperSize
{
    A4,
    Letter,
}

/// <summary>What to print: the paper, and optionally only some talks (a personal booklet), by contribution number.</summary>
public sealed record BookletOptions(PaperSize Paper = PaperSize.A4, IReadOnlySet<int>? Talks = null)
{
    public bool IsPersonal => Talks is not null;
}
