using Microsoft.Data.Sqlite;

namespace TheoryAI.Web.Infrastructure;

/// <summary>Where the embedded Sqlite store lives.</summary>
public static class ConferenceStore
{
    public const string ConnectionStringName = "Conference";
    private const string DefaultConnectionString = "Data Source=App_Data/conference.db";

    /// <summary>
    /// The connection string from ConnectionStrings:Conference (env: ConnectionStrings__Conference). A relative
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
