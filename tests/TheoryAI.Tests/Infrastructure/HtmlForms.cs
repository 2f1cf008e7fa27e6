using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace TheoryAI.Tests.Infrastructure;

/// <summary>
/// Submits a page's real form as a browser would: every field with its current value (including the antiforgery
/// token), a test's changes on top, to the form's action or a button's formaction.
/// </summary>
public sealed class HtmlForm
{
    private static readonly HtmlParser Parser = new();
    private readonly List<KeyValuePair<string, string>> _fields;

    private HtmlForm(HttpClient client, Uri pageUrl, IHtmlFormElement form)
    {
        Client = client;
        PageUrl = pageUrl;
        Element = form;
        _fields = Collect(form);
    }

    public HttpClient Client { get; }
    public Uri PageUrl { get; }
    public IHtmlFormElement Element { get; }

    /// <summary>The values the form would send now.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields => _fields;

    public string? this[string name] => _fields.FirstOrDefault(f => f.Key == name).Value;

    public static async Task<IHtmlDocument> GetDocumentAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    public static async Task<HtmlForm> LoadAsync(HttpClient client, string url, string selector = "form")
    {
        var document = await GetDocumentAsync(client, url);
        return From(client, new Uri(client.BaseAddress!, url), document, selector);
    }

    public static HtmlForm From(HttpClient client, Uri pageUrl, IHtmlDocument document, string selector = "form") =>
        new(client, pageUrl, document.QuerySelector(selector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{selector}' on {pageUrl}."));

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>Replaces a field's value(s); an empty array clears it (like unticking a box).</summary>
    public HtmlForm Set(string name, params string[] values)
    {
        _fields.RemoveAll(f => f.Key == name);
        _fields.AddRange(values.Select(v => new KeyValuePair<string, string>(name, v)));
        return this;
    }

    /// <summary>Posts the form; with a submit button's selector, to that button's formaction (a named handler).</summary>
    public Task<HttpResponseMessage> SubmitAsync(string? buttonSelector = null)
    {
        var action = Element.GetAttribute("action");
        if (buttonSelector is not null)
        {
            var button = Element.Owner!.QuerySelector(buttonSelector) ?? throw new InvalidOperationException($"No button '{buttonSelector}'.");
            action = button.GetAttribute("formaction") ?? action;
        }
        var target = string.IsNullOrEmpty(action) ? PageUrl : new Uri(PageUrl, action);
        return Client.PostAsync(target, new FormUrlEncodedContent(_fields));
    }

    /// <summary>Posts the form as multipart/form-data (as a form with a file input does), with one file attached.</summary>
    public Task<HttpResponseMessage> SubmitWithFileAsync(string fileField, byte[] content, string fileName, string contentType)
    {
        var action = Element.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? PageUrl : new Uri(PageUrl, action);
        var body = new MultipartFormDataContent();
        foreach (var field in _fields.Where(f => f.Key != fileField))
        {
            body.Add(new StringContent(field.Value), field.Key);
        }
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        body.Add(file, fileField, fileName);
        return Client.PostAsync(target, body);
    }

    private static List<KeyValuePair<string, string>> Collect(IHtmlFormElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        var owner = form.Owner!;
        var id = form.Id;
        IEnumerable<IElement> controls = form.QuerySelectorAll("input, select, textarea");
        if (!string.IsNullOrEmpty(id))
        {
            controls = controls.Concat(owner.QuerySelectorAll($"[form='{id}']").Where(e => e is IHtmlInputElement or IHtmlSelectElement or IHtmlTextAreaElement));
        }
        foreach (var control in controls)
        {
            var name = control.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || control.HasAttribute("disabled"))
            {
                continue;
            }
            switch (control)
            {
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        fields.Add(new(name, input.GetAttribute("value") ?? "on"));
                    }
                    break;
                case IHtmlInputElement input when input.Type is "submit" or "button" or "image" or "reset":
                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.GetAttribute("value") ?? ""));
                    break;
                case IHtmlSelectElement select:
                    var selected = select.Options.Where(o => o.IsSelected).ToList();
                    if (selected.Count == 0 && !select.IsMultiple && select.Options.Length > 0)
                    {
                        selected.Add(select.Options[0]);
                    }
                    fields.AddRange(selected.Select(o => new KeyValuePair<string, string>(name, o.Value)));
                    break;
                case IHtmlTextAreaElement textarea:
                    fields.Add(new(name, textarea.TextContent.StartsWith('\n') ? textarea.TextContent[1..] : textarea.TextContent));
                    break;
            }
        }
        return fields;
    }
}
