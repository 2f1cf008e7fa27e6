using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;
using TheoryAI.Tests.Infrastructure;
using TheoryAI.Web.Pages.Admin.Speakers;

namespace TheoryAI.Tests.Pages.Speakers;

/// <summary>Organizers give a speaker a bio and a photo through the real editor; attendees see them.</summary>
public sealed class SpeakerProfileTests(OrganizerSite site) : IClassFixture<OrganizerSite>
{
    /// <summary>A speaker of no talk before number 3 (those pages are checked by other tests), a different one per index.</summary>
    private (int Id, string Slug) Speaker(int index)
    {
        using var db = site.CreateDb();
        return db.Speakers.Where(s => !s.Talks.Any(ts => ts.Talk.Number <= 3)).OrderBy(s => s.Id)
            .Select(s => new ValueTuple<int, string>(s.Id, s.Slug)).Skip(index).First();
    }

    private (int Id, string Slug) SpeakerOfTalk(int talkNumber)
    {
        using var db = site.CreateDb();
        return db.TalkSpeakers.Where(ts => ts.Talk.Number == talkNumber).OrderBy(ts => ts.Position)
            .Select(ts => new ValueTuple<int, string>(ts.SpeakerId, ts.Speaker.Slug)).First();
    }

    private async Task<HttpResponseMessage> UploadAsync(HttpClient organizer, int speakerId, byte[] content, string fileName, string contentType, string? bio = null)
    {
        var form = await HtmlForm.LoadAsync(organizer, $"/admin/speakers/edit/{speakerId}", "#edit-form");
        if (bio is not null)
        {
            form.Set("Input.BioMarkdown", bio);
        }
        var response = await form.SubmitWithFileAsync("Photo", content, fileName, contentType);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            // Saved to the draft: published, as an organizer would, so the public pages show it.
            await site.PublishAsync();
        }
        return response;
    }

    private static async Task<string> PhotoErrorOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForm.ParseAsync(response);
        return string.Join("\n", page.QuerySelectorAll(".field-error, .form-errors li").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0));
    }

    [Fact]
    public async Task An_uploaded_photo_loses_its_metadata_is_turned_upright_and_scaled_and_shows_with_alt_text_beside_the_bio()
    {
        var organizer = await site.SignedInOrganizerAsync("photos@example.org");
        var (id, slug) = SpeakerOfTalk(2);
        var upload = TestImages.JpegWithExif(1600, 1000);
        Assert.True(TestImages.Contains(upload, TestImages.CameraModel));

        var response = await UploadAsync(organizer, id, upload, "portrait.jpg", "image/jpeg", "Works on *quantum* fields.");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var page = await HtmlForm.GetDocumentAsync(site.CreateClient(), $"/speakers/{slug}");
        var img = page.QuerySelector("img.speaker-photo");
        Assert.NotNull(img);
        Assert.StartsWith("Photo of ", img.GetAttribute("alt"));
        Assert.Equal("quantum", page.QuerySelector(".speaker-bio em")?.TextContent);

        var photoResponse = await site.CreateClient().GetAsync(img.GetAttribute("src"));
        Assert.Equal(HttpStatusCode.OK, photoResponse.StatusCode);
        Assert.Equal("image/jpeg", photoResponse.Content.Headers.ContentType?.MediaType);
        var served = await photoResponse.Content.ReadAsByteArrayAsync();
        Assert.False(TestImages.Contains(served, TestImages.CameraModel), "the camera model survived the upload");
        Assert.False(TestImages.Contains(served, "Exif"), "an EXIF block survived the upload");
        using var codec = SKCodec.Create(new MemoryStream(served));
        // Orientation 6 on a 1600x1000 picture: upright it is 1000 wide and 1600 high, then scaled to 640 high.
        Assert.Equal(SKEncodedOrigin.TopLeft, codec.EncodedOrigin);
        Assert.Equal(PhotoUpload.MaxSide, codec.Info.Height);
        Assert.Equal(400, codec.Info.Width);

        var talk = await HtmlForm.GetDocumentAsync(site.CreateClient(), "/talks/2");
        Assert.Contains(talk.QuerySelectorAll(".talk__speakers img"), i => i.GetAttribute("src") == img.GetAttribute("src") && i.GetAttribute("alt")!.StartsWith("Photo of ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_photo_is_sent_with_an_etag_and_revalidates_to_304()
    {
        var organizer = await site.SignedInOrganizerAsync("etag@example.org");
        var (id, slug) = Speaker(0);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(organizer, id, TestImages.Encode(300, 300, SKEncodedImageFormat.Png), "p.png", "image/png")).StatusCode);
        var src = (await HtmlForm.GetDocumentAsync(site.CreateClient(), $"/speakers/{slug}")).QuerySelector("img.speaker-photo")!.GetAttribute("src")!;

        var client = site.CreateClient();
        var first = await client.GetAsync(src);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        var again = new HttpRequestMessage(HttpMethod.Get, src);
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/speakers/nobody-at-all/photo")).StatusCode);
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_is_refused_at_the_field()
    {
        var organizer = await site.SignedInOrganizerAsync("wrongtype@example.org");
        var (id, _) = Speaker(1);
        var errors = await PhotoErrorOf(await UploadAsync(organizer, id, "just some text"u8.ToArray(), "notes.txt", "text/plain"));
        Assert.Contains("Photo: only JPEG, PNG or WebP images are accepted.", errors);
        // Claiming to be a PNG does not help: the bytes decide.
        errors = await PhotoErrorOf(await UploadAsync(organizer, id, "just some text"u8.ToArray(), "photo.png", "image/png"));
        Assert.Contains("Photo: the file could not be read as an image", errors);
        using var db = site.CreateDb();
        Assert.False(await db.SpeakerPhotos.AnyAsync(p => p.SpeakerId == id));
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_at_the_field()
    {
        var organizer = await site.SignedInOrganizerAsync("toolarge@example.org");
        var (id, _) = Speaker(2);
        var big = new byte[PhotoUpload.MaxBytes + 1];
        TestImages.Encode(100, 100).CopyTo(big, 0);
        var errors = await PhotoErrorOf(await UploadAsync(organizer, id, big, "huge.jpg", "image/jpeg"));
        Assert.Contains("at most 5 MB", errors);
    }

    [Fact]
    public async Task A_damaged_image_is_refused_at_the_field_and_keeps_the_typed_bio()
    {
        var organizer = await site.SignedInOrganizerAsync("corrupt@example.org");
        var (id, _) = Speaker(3);
        var jpeg = TestImages.Encode(800, 600);
        var cut = jpeg.Take(jpeg.Length / 2).ToArray();
        var response = await UploadAsync(organizer, id, cut, "cut.jpg", "image/jpeg", "A bio typed before the upload failed.");
        var errors = await PhotoErrorOf(response);
        Assert.Contains("Photo: the image file is cut short or damaged", errors);

        var garbage = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x13, 0x37 };
        errors = await PhotoErrorOf(await UploadAsync(organizer, id, garbage, "broken.jpg", "image/jpeg"));
        Assert.Contains("Photo:", errors);
        var page = await HtmlForm.ParseAsync(await UploadAsync(organizer, id, cut, "cut.jpg", "image/jpeg", "A bio typed before the upload failed."));
        Assert.Equal("A bio typed before the upload failed.", page.QuerySelector("textarea[name='Input.BioMarkdown']")?.TextContent.Trim());
    }

    [Fact]
    public async Task Removing_the_photo_takes_it_off_the_speaker_page()
    {
        var organizer = await site.SignedInOrganizerAsync("remove@example.org");
        var (id, slug) = Speaker(4);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(organizer, id, TestImages.Encode(200, 200), "p.jpg", "image/jpeg")).StatusCode);
        Assert.NotNull((await HtmlForm.GetDocumentAsync(site.CreateClient(), $"/speakers/{slug}")).QuerySelector("img.speaker-photo"));

        var form = await HtmlForm.LoadAsync(organizer, $"/admin/speakers/edit/{id}", "#edit-form");
        Assert.Equal(HttpStatusCode.Redirect, (await form.Set("RemovePhoto", "true").SubmitAsync()).StatusCode);
        await site.PublishAsync();
        Assert.Null((await HtmlForm.GetDocumentAsync(site.CreateClient(), $"/speakers/{slug}")).QuerySelector("img.speaker-photo"));
    }
}
