using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.WebEncoders;
using TheoryAI.Web.Data;
using TheoryAI.Web.Data.Seed;
using TheoryAI.Web.Export.Atom;
using TheoryAI.Web.Export.Booklet;
using TheoryAI.Web.Export.Calendar;
using TheoryAI.Web.Export.Discovery;
using TheoryAI.Web.Export.Frab;
using TheoryAI.Web.Export.Look;
using TheoryAI.Web.Pages.Speakers;
using TheoryAI.Web.Programme;

namespace TheoryAI.Web.Infrastructure;

public static class ConferenceSetup
{
    public static WebApplicationBuilder AddConference(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ConferenceOptions>()
            .Bind(builder.Configuration.GetSection(ConferenceOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddConferenceStore();
        builder.AddSocketScheduling();

        services.AddIdentityCore<IdentityUser>()
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<ConferenceDb>();
        services.AddOrganizerSecurity();
        services.AddProxyHeaders(builder.Configuration);
        services.AddKeyStorage();

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ProgrammeSnapshotCache>();
        services.AddScoped<ProgrammeReader>();
        services.AddScoped<SeedImporter>();
        services.AddHostedService<StoreInitializer>();
        services.AddBooklet();
        services.AddScoped<TheoryAI.Web.Export.Static.StaticPublisher>();
        services.AddHostedService<TheoryAI.Web.Export.Static.StaticOutputWriter>();

        // Razor would otherwise write "École" as "&#xC9;cole".
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorPages(options =>
        {
            options.Conventions.AddPageRoute("/Error", "/error/{code:int:range(400,599)?}");
            // The older pages of /changes, a second route of the page; links to the page itself stay /changes (AddPageRoute
            // would make the added route the only one links are made from).
            options.Conventions.AddPageRouteModelConvention("/Changes/Index", page => page.Selectors.Add(new SelectorModel
            {
                AttributeRouteModel = new AttributeRouteModel { Template = TheoryAI.Web.Pages.Changes.IndexModel.PageRoute },
            }));
        });
        // Links made from pages without a template ("/Speakers/Index") are written as the site's addresses ("/speakers").
        services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store");
        services.AddProgrammeCaching();
        return builder;
    }

    public static WebApplication MapConference(this WebApplication app)
    {
        app.UseForwardedHeaders();
        // Behind a proxy that publishes the site under a path (Conference:PathBase), links follow that path.
        var pathBase = app.Configuration[$"{ConferenceOptions.Section}:{nameof(ConferenceOptions.PathBase)}"];
        if (!string.IsNullOrEmpty(pathBase))
        {
            app.UsePathBase(pathBase);
        }
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error/500");
            app.UseHsts();
        }
        app.UseSecurityHeaders();
        app.UseRequestFilters();
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseRouting();
        app.UseOrganizerSecurity();
        app.UseProgrammeCaching();
        app.UseStaticFiles(new StaticFileOptions
        {
            // Pages link css and js with asp-append-version (?v= the file's hash): a changed file is a new address.
            OnPrepareResponse = file =>
            {
                if (file.Context.Request.Query.TryGetValue("v", out var version))
                {
                    Programme.ProgrammeCache.SetLifetime(file.Context, version);
                }
            },
        });
        app.MapHealthChecks("/healthz");
        app.MapRazorPages();
        app.MapCalendarFeeds();
        app.MapBooklet();
        app.MapChangesFeed();
        app.MapFrab();
        app.MapSpeakerPhotos();
        app.MapDiscovery();
        app.MapLook();
        return app;
    }
}
