using Markdig;
using Microsoft.AspNetCore.Html;

namespace TheoryAI.Web.Infrastructure;

/// <summary>The one Markdown pipeline of the site. Raw HTML in Markdown is escaped, never passed through.</summary>
public static class MarkdownRenderer
{
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseListExtras()
        .DisableHtml()
        .Build();

    public static IHtmlContent ToHtml(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? HtmlString.Empty : new HtmlString(Markdown.ToHtml(markdown, Pipeline));

    /// <summary>Plain text for calendars and other text-only outputs.</summary>
    public static string ToPlainText(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Markdown.ToPlainText(markdown, Pipeline).Trim();
}
