using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TheoryAI.Tests.Infrastructure;
using TheoryAI.Web.Data;

namespace TheoryAI.Tests.Pages.Admin;

/// <summary>A site whose store can be made to fail every save as a full disk does (SQLITE_FULL).</summary>
public sealed class FullDiskSite : OrganizerSite
{
    public FullDiskInterceptor Disk { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.ConfigureDbContext<ConferenceDb>(options => options.AddInterceptors(Disk)));
    }
}

public sealed class FullDiskInterceptor : SaveChangesInterceptor
{
    public volatile bool Full;

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        Full ? throw new SqliteException("SQLite Error 13: 'database or disk is full'.", 13) : base.SavingChangesAsync(eventData, result, cancellationToken);
}

/// <summary>A save the store refuses for disk reasons keeps the organizer's form and says what happened.</summary>
public sealed class StoreFailureTests(FullDiskSite site) : IClassFixture<FullDiskSite>
{
    private async Task<HttpResponseMessage> WhileTheDiskIsFullAsync(Func<Task<HttpResponseMessage>> post)
    {
        site.Disk.Full = true;
        try
        {
            return await post();
        }
        finally
        {
            site.Disk.Full = false;
        }
    }

    [Fact]
    public async Task A_save_on_a_full_disk_keeps_the_form_and_says_the_disk_is_full()
    {
        var organizer = await site.SignedInOrganizerAsync("full-disk@example.org");
        var sessionId = site.SessionOfTalk(3);
        var form = await HtmlForm.LoadAsync(organizer, $"/admin/talks/edit/{sessionId}", "#edit-form");

        var response = await WhileTheDiskIsFullAsync(() => form.Set("Input.Title", "A title typed before the disk filled up").SubmitAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForm.ParseAsync(response);
        Assert.Contains("Nothing was saved: the server's disk is full", page.QuerySelector(".form-errors")!.TextContent);
        var kept = HtmlForm.From(organizer, new Uri(organizer.BaseAddress!, $"/admin/talks/edit/{sessionId}"), page, "#edit-form");
        Assert.Equal("A title typed before the disk filled up", kept["Input.Title"]);

        // Once there is space again, the kept form saves as it is.
        Assert.Equal(HttpStatusCode.Redirect, (await kept.SubmitAsync()).StatusCode);
        using var check = site.CreateDb();
        Assert.Equal("A title typed before the disk filled up", check.Sessions.Single(s => s.Id == sessionId).Title);
    }

    [Fact]
    public async Task A_delete_on_a_full_disk_shows_the_confirmation_again_with_the_reason()
    {
        var organizer = await site.SignedInOrganizerAsync("full-disk-delete@example.org");
        // Only what was never published can be deleted (the rest is cancelled): a new talk in the draft.
        var created = await (await HtmlForm.LoadAsync(organizer, "/admin/talks/edit", "#edit-form"))
            .Set("Input.Number", "90").Set("Input.Title", "Never published").Set("Input.StartTime", "07:00").Set("Input.EndTime", "07:30")
            .Set("Input.RoomId", "").SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var sessionId = site.SessionOfTalk(90);
        var confirm = await HtmlForm.LoadAsync(organizer, $"/admin/talks/edit/{sessionId}?handler=Delete", "form[action*='handler=Delete']");

        var response = await WhileTheDiskIsFullAsync(() => confirm.SubmitAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForm.ParseAsync(response);
        Assert.Contains("Nothing was saved: the server's disk is full", page.QuerySelector(".form-errors")!.TextContent);
        Assert.NotNull(page.QuerySelector("form[action*='handler=Delete']"));
        using var check = site.CreateDb();
        Assert.True(check.Sessions.Any(s => s.Id == sessionId));
    }
}
