using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TheoryAI.Web.Data;

namespace TheoryAI.Tests.Infrastructure;

/// <summary>
/// The store the suite runs on: Sqlite files by default; a PostgreSQL server when THEORYAI_TEST_POSTGRES holds a
/// connection string to one (without a database: each test store is a database of its own, named after its file, made
/// on first start by the migrations and dropped with it). Tests of what only a Sqlite file does (a read-only file, keys
/// beside it) carry the trait Store=Sqlite and are left out of the PostgreSQL run (tests/run).
/// </summary>
public static class TestStore
{
    public const string Variable = "THEORYAI_TEST_POSTGRES";
    public const string SqliteOnly = "Sqlite";

    /// <summary>The trait value of tests that need the PostgreSQL server (several processes on one store): tests/run
    /// leaves them out of its Sqlite run and runs them in its PostgreSQL run, where they fail without the server.</summary>
    public const string PostgresOnly = "Postgres";

    public static string? PostgresServer { get; } = ReadServer();

    public static bool IsPostgres => PostgresServer is not null;

    /// <summary>The PostgreSQL server of a <see cref="PostgresOnly"/> test; without one the test fails, saying why.</summary>
    public static string RequirePostgresServer() => PostgresServer
        ?? throw new InvalidOperationException(
            $"This test needs a PostgreSQL server: set {Variable} to a connection string without a database (tests/postgres prints one), or leave the test out with --filter \"Store!={PostgresOnly}\".");

    /// <summary>The connection string of the store behind this (Sqlite) file name.</summary>
    public static string ConnectionString(string databasePath) => IsPostgres
        ? new NpgsqlConnectionStringBuilder(PostgresServer) { Database = DatabaseName(databasePath), Pooling = true }.ToString()
        : $"Data Source={databasePath}";

    /// <summary>A context on the store behind this file name, without a web host.</summary>
    public static ConferenceDb CreateDb(string databasePath) => IsPostgres
        ? new PostgresConferenceDb(new DbContextOptionsBuilder<PostgresConferenceDb>().UseNpgsql(ConnectionString(databasePath)).Options, TimeProvider.System)
        : new ConferenceDb(new DbContextOptionsBuilder<ConferenceDb>().UseSqlite(ConnectionString(databasePath)).Options, TimeProvider.System);

    public static void Delete(string databasePath)
    {
        if (!IsPostgres)
        {
            SqliteConnection.ClearAllPools();
            TestFiles.DeleteDatabase(databasePath);
            return;
        }
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres", Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""DROP DATABASE IF EXISTS "{DatabaseName(databasePath)}" WITH (FORCE)""";
        // FORCE may not end a server process of another role on the database (an autovacuum worker, seen once as
        // 42501): such a process ends by itself within moments, so the drop is tried again a few times.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                command.ExecuteNonQuery();
                return;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse && attempt < 10)
            {
                Thread.Sleep(500);
            }
        }
    }

    private static string? ReadServer()
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } server)
        {
            return null;
        }
        try
        {
            _ = new NpgsqlConnectionStringBuilder(server);
            return server;
        }
        catch (ArgumentException exception)
        {
            throw new InvalidOperationException($"{Variable} is not a PostgreSQL connection string ({exception.Message}): \"{server}\"", exception);
        }
    }

    private static string DatabaseName(string databasePath) =>
        "theoryai_test_" + new string(Path.GetFileNameWithoutExtension(databasePath).Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant();
}
