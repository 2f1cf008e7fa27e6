using PdfSharp.Drawing;

namespace TheoryAI.Web.Export.Booklet.Layout;

/// <summary>How a run of text looks: size in points, weight, slant and colour.</summary>
public readonly record struct TextStyle(double Size, bool Bold = false, bool Italic = false, XColor Color = default)
{
    public XColor Ink => Color.IsEmpty ? XColors.Black : Color;

    public TextStyle WithBold(bool bold = true) => this with { Bold = bold };

    public TextStyle WithItalic(bool italic = true) => this with { Italic = italic };

    public TextStyle WithColor(XColor color) => this with { Color = color };

    public TextStyle WithSize(double size) => this with { Size = size };
}

/// <summary>Where a piece of text leads when clicked.</summary>
public abstract record Link;

/// <summary>A link out of the document (a recording, a homepage).</summary>
public sealed record WebLink(string Url) : Link;

/// <summary>A link to a place in the document registered under <paramref name="Anchor"/>.</summary>
public sealed record AnchorLink(string Anchor) : Link;

/// <summary>A stretch of text in one style. "\n" inside the text forces a line break.</summary>
public sealed record Run(string Text, TextStyle Style, Link? Link = null);
