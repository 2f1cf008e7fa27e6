using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using TheoryAI.Web.Data;

namespace TheoryAI.Web.Infrastructure;

/// <summary>
/// Registers the store: <see cref="ConferenceDb"/> on Sqlite, or <see cref="PostgresConferenceDb"/> (served as
/// <see cref="ConferenceDb"/>) on PostgreSQL, chosen by Conference:Database when the first context is made, so test
/// hosts can choose with configuration overrides. What is configured for <see cref="ConferenceDb"/> with
/// <c>ConfigureDbContext</c> (interceptors) applies to both.
/// </summary>
public static class StoreRegistration
{
    public static IServiceCollection AddConferenceStore(this IServiceCollection services)
    {
        services.AddDbContext<ConferenceDb>((sp, options) => options.UseSqlite(
            ConferenceStore.ResolveConnectionString(sp.GetRequiredService<IConfiguration>(),
                sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath)));
        services.AddDbContext<PostgresConferenceDb>((sp, options) =>
        {
            options.UseNpgsql(ConferenceStore.PostgresConnectionString(sp.GetRequiredService<IConfiguration>()));
            foreach (var configuration in sp.GetServices<IDbContextOptionsConfiguration<ConferenceDb>>())
            {
                if (configuration is not ProviderConfiguration)
                {
                    configuration.Configure(sp, options);
                }
            }
        });

        // The Sqlite registration above is the first configuration of ConferenceDb: mark it, so PostgreSQL skips it.
        var sqlite = services.Last(d => d.ServiceType == typeof(IDbContextOptionsConfiguration<ConferenceDb>));
        services.Remove(sqlite);
        services.AddSingleton<IDbContextOptionsConfiguration<ConferenceDb>>(sp =>
            new ProviderConfiguration((IDbContextOptionsConfiguration<ConferenceDb>)(sqlite.ImplementationInstance
                ?? sqlite.ImplementationFactory!(sp))));

        var plain = services.Single(d => d.ServiceType == typeof(ConferenceDb));
        services.Remove(plain);
        services.AddScoped(sp => ConferenceStore.Provider(sp.GetRequiredService<IConfiguration>()) == StoreProvider.Postgres
            ? sp.GetRequiredService<PostgresConferenceDb>()
            : new ConferenceDb(sp.GetRequiredService<DbContextOptions<ConferenceDb>>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    private sealed class ProviderConfiguration(IDbContextOptionsConfiguration<ConferenceDb> inner) : IDbContextOptionsConfiguration<ConferenceDb>
    {
        public void Configure(IServiceProvider serviceProvider, DbContextOptionsBuilder optionsBuilder) =>
            inner.Configure(serviceProvider, optionsBuilder);
    }
}
