using AngleSharp.Html.Parser;
using TheoryAI.Web.Programme;

namespace TheoryAI.Tests.Programme;

public sealed class MarkdownRendererTests
{
    private static readonly HtmlParser Parser = new();

    private static AngleSharp.Html.Dom.IHtmlDocument Render(string markdown) =>
        Parser.ParseDocument(MarkdownRenderer.ToHtml(markdown).ToString()!);

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JavaScript:alert(1))")]
    [InlineData("[click](vbscript:msgbox)")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[click](<java\tscript:alert(1)>)")]
    [InlineData("[click](&#106;avascript:alert(1))")]
    [InlineData("[click](jav&#x09;ascript:alert(1))")]
    [InlineData("[click](<\u0001javascript:alert(1)>)")]
    public void Unsafe_links_are_rendered_as_their_text(string markdown)
    {
        var page = Render(markdown);
        Assert.Empty(page.QuerySelectorAll("a"));
        Assert.Equal("click", page.Body!.TextContent.Trim());
    }

    [Theory]
    [InlineData("![a plot](javascript:alert(1))")]
    [InlineData("![a plot](DATA:image/svg+xml;base64,PHN2Zz4=)")]
    public void Unsafe_images_are_rendered_as_their_alternative_text(string markdown)
    {
        var page = Render(markdown);
        Assert.Empty(page.QuerySelectorAll("img"));
        Assert.Equal("a plot", page.Body!.TextContent.Trim());
    }

    [Theory]
    [InlineData("[site](https://example.org/a)", "https://example.org/a")]
    [InlineData("[site](http://example.org/)", "http://example.org/")]
    [InlineData("[mail](mailto:someone@example.org)", "mailto:someone@example.org")]
    [InlineData("[talk](/talks/3)", "/talks/3")]
    [InlineData("[notes](notes.pdf#page=2)", "notes.pdf#page=2")]
    public void Safe_links_stay_links(string markdown, string href)
    {
        Assert.Equal(href, Render(markdown).QuerySelector("a")?.GetAttribute("href"));
    }

    [Fact]
    public void Safe_images_stay_images()
    {
        Assert.Equal("https://example.org/p.png", Render("![p](https://example.org/p.png)").QuerySelector("img")?.GetAttribute("src"));
    }

    [Fact]
    public void Unsafe_autolinks_are_not_links()
    {
        Assert.Empty(Render("<javascript:alert(1)>").QuerySelectorAll("a"));
    }

    [Theory]
    [InlineData("javascript:x", false)]
    [InlineData(" \u0000javascript:x", false)]
    [InlineData("&#x6A;avascript:x", false)]
    [InlineData("vbscript:x", false)]
    [InlineData("data:x", false)]
    [InlineData("HTTPS://example.org", true)]
    [InlineData("/a:b", true)]
    [InlineData("#top", true)]
    public void IsSafeDestination_keeps_only_web_mail_and_relative(string url, bool safe)
    {
        Assert.Equal(safe, MarkdownRenderer.IsSafeDestination(url));
    }

    [Fact]
    public void Headings_are_demoted_below_the_pages_own()
    {
        var page = Render("# One\n\n## Two\n\n### Three\n\n###### Six");
        Assert.Empty(page.QuerySelectorAll("h1, h2"));
        Assert.Equal("One", page.QuerySelector("h3")?.TextContent);
        Assert.Equal("Two", page.QuerySelector("h4")?.TextContent);
        Assert.Equal("Three", page.QuerySelector("h5")?.TextContent);
        Assert.Equal("Six", page.QuerySelector("h6")?.TextContent);
    }
}
