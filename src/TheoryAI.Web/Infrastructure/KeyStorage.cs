using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using TheoryAI.Web.Data;

namespace TheoryAI.Web.Infrastructure;

/// <summary>
/// The data-protection keys (they sign the sign-in cookie and the forms' antiforgery tokens) live beside the store, in a
/// "keys" folder next to the Sqlite file, or in DataProtection:KeysFolder: on the container's /data volume they survive
/// a new container, so nobody is signed out and no open form breaks. At rest they are encrypted with the X.509
/// certificate in DataProtection:CertificateFile (a .pfx, password in DataProtection:CertificatePassword) when one
/// is given; without one, on Linux, the framework has no key to encrypt them with and they are stored in plain XML,
/// readable by whoever can read the volume (as the database itself is).
/// On PostgreSQL (several nodes) the keys are rows of the store (DataProtectionKeys, through EF Core), so a cookie or a
/// form token made by one node is read by every other; DataProtection:KeysFolder, when set, still wins there.
/// </summary>
public static class KeyStorage
{
    public static IServiceCollection AddKeyStorage(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("TheoryAI");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IConfiguration, IWebHostEnvironment, ILoggerFactory, IServiceProvider>((options, configuration, environment, loggers, services) =>
            {
                options.XmlRepository = ConferenceStore.Provider(configuration) == StoreProvider.Postgres
                                        && string.IsNullOrEmpty(configuration["DataProtection:KeysFolder"])
                    ? new EntityFrameworkCoreXmlRepository<PostgresConferenceDb>(services, loggers)
                    : new FileSystemXmlRepository(new DirectoryInfo(KeysFolder(configuration, environment.ContentRootPath)), loggers);
                if (configuration["DataProtection:CertificateFile"] is { Length: > 0 } certificateFile)
                {
                    var certificate = X509CertificateLoader.LoadPkcs12FromFile(certificateFile, configuration["DataProtection:CertificatePassword"]);
                    options.XmlEncryptor = new CertificateXmlEncryptor(certificate, loggers);
                }
            });
        return services;
    }

    public static string KeysFolder(IConfiguration configuration, string contentRoot)
    {
        if (configuration["DataProtection:KeysFolder"] is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured, contentRoot);
        }
        var dataSource = new SqliteConnectionStringBuilder(ConferenceStore.ResolveConnectionString(configuration, contentRoot)).DataSource;
        var folder = Path.GetDirectoryName(dataSource);
        return Path.Combine(string.IsNullOrEmpty(folder) ? contentRoot : folder, "keys");
    }
}
