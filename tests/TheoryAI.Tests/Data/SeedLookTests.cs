using Microsoft.EntityFrameworkCore;
using SkiaSharp;
using TheoryAI.Tests.Infrastructure;
using TheoryAI.Tests.Pages.Speakers;
using TheoryAI.Web.Data.Seed;
using TheoryAI.Web.Programme;

namespace TheoryAI.Tests.Data;

/// <summary>The event's look in the seed file: read, refused with file, entry and field, and kept through export.</summary>
public sealed class SeedLookTests : IDisposable
{
    public const string Logo = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs><linearGradient id="g"><stop offset="0" stop-color="#0f5e6e"/></linearGradient></defs><rect width="10" height="10" fill="url(#g)"/></svg>""";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "theoryai-tests", "seed-look-" + Guid.NewGuid().ToString("N"));

    public SeedLookTests()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "art"));
        File.WriteAllText(Path.Combine(_folder, "art", "logo.svg"), Logo);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The shipped seed file with these lines added under <c>event:</c>, written into a folder of its own.</summary>
    private string SeedWith(string eventLines, params (string Name, byte[] Content)[] files)
    {
        var yaml = File.ReadAllText(TestFiles.SeedFile);
        var lines = yaml.Split('\n').Where(l => !l.StartsWith("  accent:", StringComparison.Ordinal) && !l.StartsWith("  tagline:", StringComparison.Ordinal));
        yaml = string.Join('\n', lines).Replace("event:\n", "event:\n" + eventLines.TrimEnd('\n') + "\n", StringComparison.Ordinal);
        foreach (var (name, content) in files)
        {
            File.WriteAllBytes(Path.Combine(_folder, name), content);
        }
        var path = Path.Combine(_folder, "programme.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private SeedProblem RefusedProblem(string eventLines, params (string Name, byte[] Content)[] files) =>
        Assert.Single(Assert.Throws<SeedException>(() => SeedReader.Read(SeedWith(eventLines, files))).Problems);

    public static byte[] Png(int width = 40, int height = 20) => TestImages.Encode(width, height, SKEncodedImageFormat.Png);

    [Fact]
    public void The_shipped_seed_sets_a_deep_teal_that_passes_and_the_tagline()
    {
        var ev = SeedReader.Read(TestFiles.SeedFile).Event;
        Assert.Equal("#0f5e6e", ev.Accent);
        Assert.Null(AccentColour.Problem(ev.Accent));
        Assert.Equal("Three days on a theoretical framework for AI, built from the tools of theoretical physics", ev.Tagline);
        Assert.Null(ev.LogoHash);
        Assert.Null(ev.HeaderImageHash);
    }

    [Fact]
    public void Seed_reads_accent_tagline_short_name_logo_and_header_image()
    {
        var header = Png(300, 100);
        var ev = SeedReader.Read(SeedWith("""
              accent: "#0F5E6E"
              tagline: One line
              shortName: TAI
              logo: art/logo.svg
              headerImage: header.png
            """, ("header.png", header))).Event;
        Assert.Equal("#0f5e6e", ev.Accent);
        Assert.Equal("One line", ev.Tagline);
        Assert.Equal("TAI", ev.ShortName);
        Assert.Equal("image/svg+xml", ev.Logo!.ContentType);
        Assert.Equal(Logo, System.Text.Encoding.UTF8.GetString(ev.Logo.Content));
        Assert.Equal(header, ev.HeaderImage!.Content);
        Assert.Equal("image/png", ev.HeaderImage.ContentType);
    }

    [Fact]
    public void A_colour_that_is_not_hex_is_refused_at_the_field() =>
        Assert.Equal("programme.yaml: event: field 'accent': 'teal' is not a colour in the form #rrggbb (e.g. #0f5e6e)",
            RefusedProblem("  accent: teal").ToString());

    [Fact]
    public void A_low_contrast_accent_is_refused_with_its_ratio() =>
        Assert.Equal("programme.yaml: event: field 'accent': #4f9bd9 has a contrast of 2.9:1 against white and 2.7:1 against the header's grey #f3f5f8 (WCAG AA needs 4.5:1); choose a darker colour",
            RefusedProblem("  accent: \"#4f9bd9\"").ToString());

    [Fact]
    public void A_tagline_over_140_characters_or_on_two_lines_is_refused()
    {
        Assert.Equal("tagline", RefusedProblem("  tagline: " + new string('x', 141)).Field);
        var problem = RefusedProblem("  tagline: |\n    one\n    two");
        Assert.Equal("tagline", problem.Field);
        Assert.Contains("one line", problem.Message);
    }

    [Fact]
    public void A_missing_logo_file_is_refused_naming_the_file()
    {
        var problem = RefusedProblem("  logo: missing.svg");
        Assert.Equal(("programme.yaml", "event", "logo"), (problem.File, problem.Entry, problem.Field));
        Assert.Equal("file 'missing.svg' not found beside programme.yaml (paths are relative to the seed file's folder)", problem.Message);
    }

    [Fact]
    public void A_logo_that_is_neither_svg_nor_png_is_refused_whatever_its_name()
    {
        var jpeg = RefusedProblem("  logo: logo.png", ("logo.png", TestImages.Encode(40, 20)));
        Assert.Equal("logo", jpeg.Field);
        Assert.Equal("'logo.png': the file is a JPG image; the logo must be an SVG or PNG image", jpeg.Message);
        var text = RefusedProblem("  logo: logo.svg", ("logo.svg", "just text"u8.ToArray()));
        Assert.Equal("'logo.svg': the file is not an SVG or PNG image", text.Message);
    }

    [Theory]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>""", "<script>")]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1" onclick="alert(1)"/></svg>""", "event attribute 'onclick'")]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="https://example.org/x.png"/></svg>""", "outside itself")]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg"><style>rect { fill: url(https://example.org/a.svg#p) }</style></svg>""", "outside itself")]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg"><rect></svg>""", "not well-formed")]
    [InlineData("""<html xmlns="http://www.w3.org/1999/xhtml"/>""", "<html> root")]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg"/>""", "not well-formed")]
    public void An_unsafe_or_broken_svg_logo_is_refused(string svg, string expected)
    {
        var problem = RefusedProblem("  logo: logo.svg", ("logo.svg", System.Text.Encoding.UTF8.GetBytes(svg)));
        Assert.Equal("logo", problem.Field);
        Assert.Contains(expected, problem.Message);
    }

    [Fact]
    public void An_svg_header_image_and_an_oversized_logo_are_refused()
    {
        var svgHeader = RefusedProblem("  headerImage: h.svg", ("h.svg", System.Text.Encoding.UTF8.GetBytes(Logo)));
        Assert.Equal("headerImage", svgHeader.Field);
        Assert.Contains("JPEG, PNG or WebP", svgHeader.Message);
        var big = new byte[EventImageRules.MaxLogoBytes + 1];
        Assert.Contains("at most 1 MB", RefusedProblem("  logo: big.png", ("big.png", big)).Message);
    }

    [Fact]
    public async Task Seed_then_export_then_seed_keeps_the_look_and_the_image_bytes()
    {
        var header = Png(300, 100);
        var programme = SeedReader.Read(SeedWith("""
              accent: "#0f5e6e"
              tagline: One line
              shortName: TAI
              logo: art/logo.svg
              headerImage: header.png
            """, ("header.png", header)));
        await using var first = await ScratchStore.WithAsync(programme);
        var exportFolder = Path.Combine(_folder, "export");
        Directory.CreateDirectory(exportFolder);
        var written = await SeedFileWriter.WriteAsync(first.Db, Path.Combine(exportFolder, "event.yaml"));
        Assert.Equal(["event.yaml", "event-logo.svg", "event-header-image.png"], written.Select(Path.GetFileName));

        await using var second = await ScratchStore.WithAsync(SeedReader.Read(Path.Combine(exportFolder, "event.yaml")));
        var (a, b) = ((await first.SnapshotAsync()).Event.Look, (await second.SnapshotAsync()).Event.Look);
        Assert.Equal(("#0f5e6e", "One line", "TAI"), (b.Accent, b.Tagline, b.ConfiguredShortName));
        Assert.Equal(a, b);
        Assert.Equal(Logo, System.Text.Encoding.UTF8.GetString(await second.Db.EventImages.Where(i => i.Hash == b.Logo!.Hash).Select(i => i.Content).SingleAsync()));
        Assert.Equal(header, await second.Db.EventImages.Where(i => i.Hash == b.HeaderImage!.Hash).Select(i => i.Content).SingleAsync());
        // And the exported file itself comes out the same again.
        Assert.Equal(SeedFileWriter.ToYaml(await SeedFileWriter.FromStoreAsync(first.Db)), SeedFileWriter.ToYaml(await SeedFileWriter.FromStoreAsync(second.Db)));
    }
}
