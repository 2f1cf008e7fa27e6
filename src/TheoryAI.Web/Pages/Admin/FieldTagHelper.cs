using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Pages.Admin;

/// <summary>
/// One form field of an admin editor: <c>&lt;field for="Input.Name" label="Name" /&gt;</c> writes the label, the input
/// (a textarea for <see cref="DataType.MultilineText"/>, or the select given as content), a hint with the field's
/// maximum length (longer input is refused at the field, never cut) and the field's validation message.
/// </summary>
[HtmlTargetElement("field", Attributes = "for")]
public sealed class FieldTagHelper(IHtmlGenerator generator) : TagHelper
{
    public ModelExpression For { get; set; } = null!;

    public string? Label { get; set; }

    /// <summary>The input's type (url, time, number); text when not given.</summary>
    public string? Type { get; set; }

    [HtmlAttributeName("input-class")]
    public string? InputClass { get; set; }

    public string? Placeholder { get; set; }

    public bool Required { get; set; }

    public string? Min { get; set; }

    public int Rows { get; set; } = 10;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = await output.GetChildContentAsync();
        output.TagName = "p";
        output.TagMode = TagMode.StartTagAndEndTag;

        var id = TagBuilder.CreateSanitizedId(For.Name, "_");
        var maxLength = For.Metadata.ValidatorMetadata.OfType<StringLengthAttribute>().FirstOrDefault()?.MaximumLength;
        var attributes = new Dictionary<string, object?>();
        if (InputClass is not null)
        {
            attributes["class"] = InputClass;
        }
        if (Placeholder is not null)
        {
            attributes["placeholder"] = Placeholder;
        }
        if (Required)
        {
            attributes["required"] = "required";
        }
        if (Min is not null)
        {
            attributes["min"] = Min;
        }
        if (maxLength is int max)
        {
            // Not maxlength: browsers cut pasted text at it without a word. The form refuses longer input at the field
            // instead (js/field-limits.js as one types, the server's validation message on submit).
            attributes["data-maxlength"] = max.ToString(CultureInfo.InvariantCulture);
            attributes["aria-describedby"] = $"{id}-hint";
        }

        output.Content.AppendHtml(generator.GenerateLabel(ViewContext, For.ModelExplorer, For.Name, Label, null));
        output.Content.AppendHtml(" ");
        if (!content.IsEmptyOrWhiteSpace)
        {
            output.Content.AppendHtml(content);
        }
        else if (For.Metadata.DataTypeName == nameof(DataType.MultilineText))
        {
            output.Content.AppendHtml(WithoutMaxLength(generator.GenerateTextArea(ViewContext, For.ModelExplorer, For.Name, Rows, 0, attributes)));
        }
        else
        {
            attributes["type"] = Type ?? "text";
            var format = Type == "time" ? "{0:HH:mm}" : null;
            output.Content.AppendHtml(WithoutMaxLength(generator.GenerateTextBox(ViewContext, For.ModelExplorer, For.Name, For.Model, format, attributes)));
        }
        if (maxLength is int most)
        {
            output.Content.AppendHtml(" ");
            output.Content.AppendHtml(Hint(id, most));
        }
        output.Content.AppendHtml(" ");
        output.Content.AppendHtml(generator.GenerateValidationMessage(ViewContext, For.ModelExplorer, For.Name, null, "span", new { @class = "field-error" }));
    }

    /// <summary>The generator adds maxlength from [StringLength]; the form refuses longer input instead.</summary>
    private static TagBuilder WithoutMaxLength(TagBuilder input)
    {
        input.Attributes.Remove("maxlength");
        return input;
    }

    private static TagBuilder Hint(string id, int maxLength)
    {
        var hint = new TagBuilder("span");
        hint.Attributes["id"] = $"{id}-hint";
        hint.AddCssClass("hint");
        hint.InnerHtml.Append($"at most {maxLength.ToString("N0", Display.Culture)} characters");
        return hint;
    }
}
