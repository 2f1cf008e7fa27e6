using Microsoft.Data.Sqlite;

namespace TheoryAI.Web.Infrastructure;

/// <summary>The stores the site runs on (Conference:Database).</summary>
public enum StoreProvider
{
    /// <summary>An embedded Sqlite file: one node, the default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server (ConnectionStrings:Conference): any number of nodes.</summary>
    Postgres,
}

/// <summary>Which store the site uses and where it lives.</summary>
public static class ConferenceStore
{
    public const string ConnectionStringName = "Conference";
    public const string ProviderKey = "Conference:Database";
    private const string DefaultConnectionString = "Data Source=App_Data/conference.db";

    /// <summary>Conference:Database: "sqlite" (or unset) or "postgres"; anything else stops start-up with a message.</summary>
    public static StoreProvider Provider(IConfiguration configuration) => configuration[ProviderKey]?.ToLowerInvariant() switch
    {
        null or "" or "sqlite" => StoreProvider.Sqlite,
        "postgres" or "postgresql" => StoreProvider.Postgres,
        var other => throw new StoreStartupException($"{ProviderKey} is '{other}': use 'sqlite' (the default) or 'postgres'."),
    };

    /// <summary>ConnectionStrings:Conference for PostgreSQL; it is required there.</summary>
    public static string PostgresConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } connectionString
            ? connectionString
            : throw new StoreStartupException(
                $"{ProviderKey} is 'postgres' but ConnectionStrings:{ConnectionStringName} is not set (e.g. \"Host=db;Database=conference;Username=site;Password=...\").");

    /// <summary>
    /// The Sqlite connection string from ConnectionStrings:Conference (env: ConnectionStrings__Conference). A relative
    /// file is placed under the content root, whatever the working directory, and its folder is created.
    /// </summary>
    public static string ResolveConnectionString(IConfiguration configuration, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(
            configuration.GetConnectionString(ConnectionStringName) ?? DefaultConnectionString);
        var dataSource = builder.DataSource;
        if (!string.IsNullOrEmpty(dataSource) && dataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            if (!Path.IsPathRooted(dataSource))
            {
                dataSource = Path.GetFullPath(Path.Combine(contentRoot, dataSource));
                builder.DataSource = dataSource;
            }
            var folder = Path.GetDirectoryName(dataSource);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }
        return builder.ToString();
    }
}
