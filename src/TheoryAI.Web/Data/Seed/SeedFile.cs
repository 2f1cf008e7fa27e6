namespace TheoryAI.Web.Data.Seed;

// The seed file's shape (seed-data/SCHEMA.md). Values stay strings here so that the validator can say exactly
// which entry and field is wrong instead of failing inside the YAML reader.
#pragma warning disable CA1002, CA2227 // plain data bags for the YAML reader

public sealed class SeedFile
{
    public SeedEvent? Event { get; set; }
    public List<SeedRoom> Rooms { get; set; } = [];
    public List<SeedSpeaker> Speakers { get; set; } = [];
    public List<SeedDay> Days { get; set; } = [];
}

public sealed class SeedEvent
{
    public string? Name { get; set; }
    public string? StartDate { get; set; }
    public string? EndDate { get; set; }
    public string? TimeZone { get; set; }
    public string? Venue { get; set; }
    public string? Address { get; set; }
    public string? Host { get; set; }
    public string? Url { get; set; }
    public SeedCompanion? Companion { get; set; }
    public string? Description { get; set; }
    public string? Directions { get; set; }
    /// <summary>#rrggbb, with 4.5:1 against white and the header's grey.</summary>
    public string? Accent { get; set; }
    public string? Tagline { get; set; }
    public string? ShortName { get; set; }
    /// <summary>An SVG or PNG file, relative to the seed file's folder.</summary>
    public string? Logo { get; set; }
    /// <summary>A JPEG, PNG or WebP file, relative to the seed file's folder.</summary>
    public string? HeaderImage { get; set; }
    public List<SeedPerson> Organizers { get; set; } = [];
    public List<SeedPerson> AdvisoryCommittee { get; set; } = [];
}

public sealed class SeedCompanion
{
    public string? Name { get; set; }
    public string? Url { get; set; }
}

public sealed class SeedPerson
{
    public string? Name { get; set; }
    public string? Affiliation { get; set; }
}

public sealed class SeedRoom
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public int? Capacity { get; set; }
}

public sealed class SeedSpeaker
{
    public string? Slug { get; set; }
    public string? Name { get; set; }
    public string? Affiliation { get; set; }
    public string? Homepage { get; set; }
    public List<string> Aliases { get; set; } = [];
}

public sealed class SeedDay
{
    public string? Date { get; set; }
    public string? Title { get; set; }
    public List<SeedEntry> Entries { get; set; } = [];
}

public sealed class SeedEntry
{
    public int? Number { get; set; }
    public string? Kind { get; set; }
    public string? Title { get; set; }
    public string? Start { get; set; }
    public string? End { get; set; }
    public string? Room { get; set; }
    public bool AllowRoomSharing { get; set; }
    public string? Type { get; set; }
    public List<string> Speakers { get; set; } = [];
    public string? Recording { get; set; }
    public string? Abstract { get; set; }
    public string? Source { get; set; }
    public List<string> Inferred { get; set; } = [];
}
