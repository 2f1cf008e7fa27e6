using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using TheoryAI.Web.Data;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Pages.Speakers;

/// <summary>/speakers/{slug}/photo: the stored photo, cached with the programme's views (a new photo evicts them) and
/// sent with its hash as a strong ETag. The address carries the hash (?v=), so a page always names the current photo.</summary>
public static class SpeakerPhotoEndpoint
{
    private static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapSpeakerPhotos(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/speakers/{slug}/photo", GetOrHead, async (string slug, HttpContext http, ConferenceDb db) =>
        {
            var photo = await db.SpeakerPhotos.AsNoTracking()
                .Where(p => p.Speaker.Slug == slug)
                .Select(p => new { p.Content, p.ContentType, p.Hash })
                .SingleOrDefaultAsync(http.RequestAborted);
            if (photo is null)
            {
                return Results.NotFound();
            }
            var etag = new EntityTagHeaderValue($"\"{photo.Hash}\"");
            ProgrammeCache.SetLifetime(http, photo.Hash);
            return Results.File(photo.Content, photo.ContentType, entityTag: etag);
        }).CacheProgramme("v");
        return app;
    }
}
