using Microsoft.EntityFrameworkCore;
using SkiaSharp;
using TheoryAI.Web.Data;
using TheoryAI.Web.Pages.Admin.Speakers;

namespace TheoryAI.BrowserTests.Infrastructure;

/// <summary>A speaker with a photo and a bio, and a talk whose abstract holds maths, arranged in the store as an
/// organizer's edit would leave them (the photo goes through the upload's own processing).</summary>
public static class SpeakerProfiles
{
    public const string Slug = "blake-bordelon";
    public const string PhotoPage = "/speakers/" + Slug;
    public const string Bio = "Blake works on the *theory of deep learning*: scaling limits, dynamics and $\\mathcal{O}(1/N)$ corrections.";
    public const int MathsTalk = 3;
    public const string MathsAbstract = "We study the Hamiltonian $\\hat{H} = \\sum_i \\sigma^z_i$ of a spin chain.\n\n$$\nZ = \\int e^{-\\beta \\hat{H}} \\, d\\mu\n$$\n\nPrices such as $5 stay text.";

    public static async Task ArrangeAsync(BrowserFixture browser)
    {
        using var surface = SKSurface.Create(new SKImageInfo(480, 600));
        surface.Canvas.Clear(new SKColor(0x2e, 0x5e, 0x8c));
        using (var paint = new SKPaint { Color = new SKColor(0xf2, 0xc1, 0x4e), IsAntialias = true })
        {
            surface.Canvas.DrawCircle(240, 230, 120, paint);
            surface.Canvas.DrawOval(240, 600, 200, 170, paint);
        }
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        var (photo, problem) = PhotoUpload.Process(data.ToArray());
        Assert.Null(problem);
        await browser.ChangeProgrammeAsync(async db =>
        {
            var speaker = await db.Speakers.Include(s => s.Photo).SingleAsync(s => s.Slug == Slug);
            speaker.BioMarkdown = Bio;
            speaker.Photo ??= new SpeakerPhoto { Content = [], ContentType = "", Hash = "" };
            speaker.Photo.Content = photo!.Content;
            speaker.Photo.ContentType = photo.ContentType;
            speaker.Photo.Width = photo.Width;
            speaker.Photo.Height = photo.Height;
            speaker.Photo.Hash = photo.Hash;
            var talk = await db.Talks.SingleAsync(t => t.Number == MathsTalk);
            talk.AbstractMarkdown = MathsAbstract;
        });
    }
}
