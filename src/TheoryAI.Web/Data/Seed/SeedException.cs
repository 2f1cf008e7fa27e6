namespace TheoryAI.Web.Data.Seed;

/// <summary>One problem in a seed file, located by file, entry and field.</summary>
public sealed record SeedProblem(string File, string Entry, string Field, string Message)
{
    public override string ToString() => $"{File}: {Entry}: field '{Field}': {Message}";
}

/// <summary>The seed file cannot be imported; nothing was written.</summary>
public sealed class SeedException(IReadOnlyList<SeedProblem> problems)
    : Exception("The seed file has errors; nothing was imported." + Environment.NewLine
                + string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
{
    public IReadOnlyList<SeedProblem> Problems { get; } = problems;
}
