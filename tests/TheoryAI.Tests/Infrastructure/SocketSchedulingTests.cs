using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TheoryAI.Web.Infrastructure;

namespace TheoryAI.Tests.Infrastructure;

/// <summary>
/// Requests on the socket threads (<see cref="SocketScheduling"/>): a request that arrives on a thread that is not
/// the thread pool's (a socket event thread) moves there before anything that may block, one already on the pool
/// stays where it is, the setting applies to a Sqlite node only, and the real site process runs that way and serves
/// hits and misses alike.
/// </summary>
public sealed class SocketSchedulingTests
{
    [Fact]
    public async Task A_request_on_another_thread_goes_on_on_the_thread_pool()
    {
        var pipeline = ThreadRecordingPipeline(out var ranOnPool, out _);
        var caller = new Thread(() => pipeline(new DefaultHttpContext()).GetAwaiter().GetResult()) { IsBackground = true };
        caller.Start();
        Assert.True(await Task.Run(() => caller.Join(TimeSpan.FromSeconds(30))), "the request did not finish");
        Assert.True(ranOnPool(), "the rest of the pipeline ran on the calling (non-pool) thread");
    }

    [Fact]
    public async Task A_request_already_on_the_thread_pool_stays_on_its_thread()
    {
        var pipeline = ThreadRecordingPipeline(out var ranOnPool, out var threadId);
        var (caller, completedAtOnce) = await Task.Run(() =>
        {
            var task = pipeline(new DefaultHttpContext());
            return (Environment.CurrentManagedThreadId, task.IsCompleted);
        });
        Assert.True(ranOnPool());
        Assert.Equal(caller, threadId());
        Assert.True(completedAtOnce, "no thread switch, no await");
    }

    [Theory]
    [InlineData(null, null, null, true)]
    [InlineData("sqlite", null, null, true)]
    [InlineData(null, "false", null, false)]
    [InlineData("postgres", null, null, false)]
    [InlineData(null, null, "/srv/views", false)]
    public void Applies_to_a_sqlite_node_without_static_output_unless_turned_off(string? database, string? setting, string? staticOutput, bool applies)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Conference:Database"] = database,
            ["Conference:InlineSocketScheduling"] = setting,
            ["Conference:StaticOutput"] = staticOutput,
        }).Build();
        Assert.Equal(applies, SocketScheduling.Applies(configuration));
    }

    [Fact]
    [Trait("Store", TestStore.SqliteOnly)]
    public async Task The_site_sets_kestrel_to_inline_scheduling_but_leaves_a_test_hosts_sockets_alone()
    {
        await using var site = new SiteFactory(TestFiles.NewDatabasePath());
        _ = site.CreateClient();
        Assert.True(site.Services.GetRequiredService<IOptions<SocketTransportOptions>>().Value.UnsafePreferInlineScheduling);
        Assert.Null(Environment.GetEnvironmentVariable(SocketScheduling.InlineCompletionsVariable));
    }

    /// <summary>The built site as a process of its own (Production, Sqlite): with the setting on it runs one socket event
    /// thread per CPU (the runtime's inline completions), with it off the runtime's default; either way concurrent misses
    /// and hits of every kind of view answer 200 with the same bytes as one request at a time.</summary>
    [Theory]
    [Trait("Store", TestStore.SqliteOnly)]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_site_process_serves_concurrent_misses_and_hits(bool inline)
    {
        var port = ChildProcess.FreeLoopbackPort();
        var root = new Uri($"http://127.0.0.1:{port}/");
        var folder = AppContext.BaseDirectory;
        var databasePath = TestFiles.NewDatabasePath();
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        using var site = ChildProcess.Start("site", ChildProcess.DotnetHost, [Path.Combine(folder, "TheoryAI.Web.dll"), "--urls", root.ToString()],
            folder, new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ConnectionStrings__Conference"] = TestStore.ConnectionString(databasePath),
                ["Conference__InlineSocketScheduling"] = inline ? "true" : "false",
                ["Logging__LogLevel__Default"] = "Warning",
            });
        using var client = new HttpClient { BaseAddress = root, Timeout = TimeSpan.FromSeconds(60) };
        await site.WaitUntilHealthyAsync(root, TimeSpan.FromMinutes(2));

        var expectedEngines = inline ? Environment.ProcessorCount : Math.Max(1, (int)Math.Round(Environment.ProcessorCount / 30.0));
        Assert.Equal(expectedEngines, SocketEventThreads(site.Id));

        string[] paths = ["/programme", "/talks/2", "/speakers", "/calendar.ics", "/agenda.ics?talks=2,3", "/schedule.xml",
            "/booklet.pdf", "/changes", "/search?q=learning", "/no-such-page"];
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 4).SelectMany(_ => paths).Select(async path =>
        {
            using var response = await client.GetAsync(path);
            return (path, response.StatusCode, Body: await response.Content.ReadAsByteArrayAsync());
        }));
        foreach (var path in paths)
        {
            using var response = await client.GetAsync(path);
            var expected = path == "/no-such-page" ? HttpStatusCode.NotFound : HttpStatusCode.OK;
            Assert.True(expected == response.StatusCode, $"{path}: {(int)response.StatusCode}");
            var body = await response.Content.ReadAsByteArrayAsync();
            Assert.All(concurrent.Where(c => c.path == path), c =>
            {
                Assert.True(expected == c.StatusCode, $"{path} (concurrent): {(int)c.StatusCode}");
                Assert.True(body.AsSpan().SequenceEqual(c.Body), $"{path}: a concurrent response differs from the one after it");
            });
        }
        Assert.False(site.HasExited, site.Output);
    }

    private static RequestDelegate ThreadRecordingPipeline(out Func<bool> ranOnPool, out Func<int> threadId)
    {
        var onPool = false;
        var id = 0;
        var app = new ApplicationBuilder(new ServiceCollection().BuildServiceProvider());
        app.UseThreadPool();
        app.Run(_ =>
        {
            onPool = Thread.CurrentThread.IsThreadPoolThread;
            id = Environment.CurrentManagedThreadId;
            return Task.CompletedTask;
        });
        ranOnPool = () => onPool;
        threadId = () => id;
        return app.Build();
    }

    /// <summary>The runtime's socket event threads of a process, by their name (Linux: /proc).</summary>
    private static int SocketEventThreads(int processId) =>
        Directory.GetDirectories($"/proc/{processId}/task")
            .Count(task => File.Exists(Path.Combine(task, "comm")) && File.ReadAllText(Path.Combine(task, "comm")).Trim() == ".NET Sockets");
}
