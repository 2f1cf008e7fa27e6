using System.Diagnostics;
using UglyToad.PdfPig.Actions;
using UglyToad.PdfPig.Outline;
using PigDocument = UglyToad.PdfPig.PdfDocument;

namespace TheoryAI.Tests.Export.Booklet;

/// <summary>A rendered booklet read back with PdfPig (and, for validation, with qpdf and poppler's pdffonts).</summary>
public sealed class BookletPdf : IDisposable
{
    public BookletPdf(byte[] bytes)
    {
        Bytes = bytes;
        Document = PigDocument.Open(bytes);
        PageTexts = Document.GetPages().Select(p => Normalize(string.Join(' ', p.GetWords().Select(w => w.Text)))).ToList();
    }

    public byte[] Bytes { get; }
    public PigDocument Document { get; }
    /// <summary>The words of each page in reading order, joined by single spaces (index 0 is page 1).</summary>
    public IReadOnlyList<string> PageTexts { get; }
    public string AllText => string.Join(' ', PageTexts);

    public static string Normalize(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\t', '\u00a0'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The 1-based pages whose text contains <paramref name="text"/>.</summary>
    public IReadOnlyList<int> PagesWith(string text) =>
        PageTexts.Select((t, i) => (t, i)).Where(x => x.t.Contains(Normalize(text), StringComparison.Ordinal)).Select(x => x.i + 1).ToList();

    public IReadOnlyList<BookmarkNode> Bookmarks() =>
        Document.TryGetBookmarks(out var bookmarks) ? bookmarks.GetNodes().ToList() : [];

    /// <summary>Every link annotation: the page it is on, its target page (internal) or address (external).</summary>
    public IReadOnlyList<(int Page, int? TargetPage, string? Uri, string Text)> Links()
    {
        var links = new List<(int, int?, string?, string)>();
        foreach (var page in Document.GetPages())
        {
            foreach (var annotation in page.GetAnnotations())
            {
                var text = string.Concat(page.Letters.Where(l => Inside(l.BoundingBox.Centroid, annotation.Rectangle)).Select(l => l.Value));
                switch (annotation.Action)
                {
                    case GoToAction goTo:
                        links.Add((page.Number, goTo.Destination.PageNumber, null, text));
                        break;
                    case UriAction uri:
                        links.Add((page.Number, null, uri.Uri, text));
                        break;
                }
            }
        }
        return links;
    }

    private static bool Inside(UglyToad.PdfPig.Core.PdfPoint point, UglyToad.PdfPig.Core.PdfRectangle area) =>
        point.X >= area.Left && point.X <= area.Right && point.Y >= area.Bottom && point.Y <= area.Top;

    /// <summary>Runs a command-line tool on the booklet (written to a temporary file) and returns its exit code and output.</summary>
    public (int ExitCode, string Output) RunTool(string tool, string arguments)
    {
        var path = Path.Combine(Path.GetTempPath(), $"booklet-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, Bytes);
        try
        {
            using var process = Process.Start(new ProcessStartInfo(tool, $"{arguments} \"{path}\"")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            }) ?? throw new InvalidOperationException($"{tool} did not start.");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            return (process.ExitCode, output.Result + error.Result);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public void Dispose() => Document.Dispose();
}
