using System.Text;
using TheoryAI.Bench.SyntheticProgramme;
using TheoryAI.Tests.Infrastructure;
using TheoryAI.Web.Data.Seed;
using TheoryAI.Web.Export.Frab;

namespace TheoryAI.Tests.Export.Frab;

/// <summary>Our export, imported into an empty store and exported again, is the same document (bar the generator).</summary>
public sealed class FrabRoundTripTests
{
    private static readonly Uri Site = new("https://theory-ai.example.org/");

    public static TheoryData<string, string> Cases => new()
    {
        { "workshop", "xml" }, { "workshop", "json" }, { "synthetic", "xml" }, { "synthetic", "json" },
    };

    private static SeedProgramme Programme(string which) => which == "workshop"
        ? SeedReader.Read(TestFiles.SeedFile)
        : SeedReader.Parse(ProgrammeGenerator.Generate(new GeneratorSettings()), "synthetic.yaml");

    private static byte[] Write(string format, TheoryAI.Web.Programme.ProgrammeSnapshot programme) => format == "xml"
        ? FrabScheduleWriter.WriteXml(programme, new FrabOptions(Site))
        : FrabScheduleWriter.WriteJson(programme, new FrabOptions(Site));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Schedule_exported_imported_into_an_empty_store_and_exported_again_is_the_same_document(string which, string format)
    {
        await using var original = await ScratchStore.WithAsync(Programme(which));
        var first = Write(format, await original.SnapshotAsync());

        await using var copy = await ScratchStore.WithAsync(FrabImport.Parse(Encoding.UTF8.GetString(first), $"schedule.{format}"));
        var second = Write(format, await copy.SnapshotAsync());

        Assert.Equal(FrabDocuments.WithoutGenerator(first), FrabDocuments.WithoutGenerator(second));
        var parsed = format == "xml" ? FrabDocuments.ParseXml(second) : FrabDocuments.ParseJson(second);
        Assert.Equal((await original.SnapshotAsync()).Entries.Count, parsed.Events.Count);
    }

    [Theory]
    [InlineData("workshop")]
    [InlineData("synthetic")]
    public async Task Yaml_export_imports_into_an_empty_store_and_exports_the_same_seed_file(string which)
    {
        await using var original = await ScratchStore.WithAsync(Programme(which));
        var first = SeedFileWriter.ToYaml(await SeedFileWriter.FromStoreAsync(original.Db));

        await using var copy = await ScratchStore.WithAsync(SeedReader.Parse(first, "exported.yaml"));
        var second = SeedFileWriter.ToYaml(await SeedFileWriter.FromStoreAsync(copy.Db));

        Assert.Equal(first, second);
        // And the programme itself survived: the same schedule document from both stores.
        Assert.Equal(FrabScheduleWriter.WriteJson(await original.SnapshotAsync(), new FrabOptions(Site)),
            FrabScheduleWriter.WriteJson(await copy.SnapshotAsync(), new FrabOptions(Site)));
    }

    [Fact]
    public async Task Yaml_export_of_the_workshop_keeps_what_only_the_seed_file_holds()
    {
        await using var store = await ScratchStore.WithAsync(Programme("workshop"));
        var yaml = SeedFileWriter.ToYaml(await SeedFileWriter.FromStoreAsync(store.Db));

        Assert.Contains("address: 31 Caroline Street North, Waterloo, Ontario, Canada", yaml, StringComparison.Ordinal);
        Assert.Contains("- name: Anindita Maiti", yaml, StringComparison.Ordinal);
        Assert.Contains("slug: dmitry-krotov", yaml, StringComparison.Ordinal);
        Assert.Contains("inferred:", yaml, StringComparison.Ordinal);
        Assert.Contains("description: |", yaml, StringComparison.Ordinal);
        Assert.Contains("recording: https://pirsa.org/25040085", yaml, StringComparison.Ordinal);
    }
}
