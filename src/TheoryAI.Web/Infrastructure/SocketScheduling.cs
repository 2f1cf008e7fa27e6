using System.Reflection;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;

namespace TheoryAI.Web.Infrastructure;

/// <summary>
/// Where a request runs. By default Kestrel hands every socket event to the thread pool and every request to one of its
/// I/O queues, two thread switches for a cached view that is only copied onto the socket. With
/// Conference:InlineSocketScheduling (on by default, for a node on Sqlite) a request runs on the thread that saw its
/// socket ready: Kestrel's inline scheduling (<see cref="SocketTransportOptions.UnsafePreferInlineScheduling"/>) and
/// the runtime's inline socket completions (DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS, one event thread per CPU).
/// A cache hit, which never waits, is served there; anything that may block (rendering a miss, a query, a sign-in)
/// first moves to the thread pool (<see cref="UseThreadPool"/>), so a slow request never holds up other connections.
/// Off with PostgreSQL and with Conference:StaticOutput, where the node's own sockets (Npgsql, its loopback client)
/// would resume their callers on the event threads.
/// </summary>
public static class SocketScheduling
{
    public const string InlineCompletionsVariable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";
    private const string SettingKey = $"{ConferenceOptions.Section}:{nameof(ConferenceOptions.InlineSocketScheduling)}";

    /// <summary>Whether this node runs requests on the socket threads (see the class summary). Read from configuration
    /// before the services are built; an unset or empty setting is the default.</summary>
    public static bool Applies(IConfiguration configuration) =>
        configuration.GetValue(SettingKey, true)
        && ConferenceStore.Provider(configuration) == StoreProvider.Sqlite
        && string.IsNullOrEmpty(configuration[$"{ConferenceOptions.Section}:{nameof(ConferenceOptions.StaticOutput)}"]);

    public static WebApplicationBuilder AddSocketScheduling(this WebApplicationBuilder builder)
    {
        if (!Applies(builder.Configuration))
        {
            return builder;
        }
        builder.Services.Configure<SocketTransportOptions>(options => options.UnsafePreferInlineScheduling = true);
        // The runtime reads the variable once, when the process opens its first socket, so it is set here, before the
        // server starts; a value set outside wins. Only in the site's own process: a test host's sockets stay as they are.
        if (Assembly.GetEntryAssembly() == typeof(SocketScheduling).Assembly
            && Environment.GetEnvironmentVariable(InlineCompletionsVariable) is null)
        {
            Environment.SetEnvironmentVariable(InlineCompletionsVariable, "1");
        }
        return builder;
    }

    /// <summary>The rest of the pipeline on the thread pool: a request running on a socket event thread moves there
    /// first; one already on the thread pool goes on where it is.</summary>
    public static IApplicationBuilder UseThreadPool(this IApplicationBuilder app) =>
        app.Use(static (context, next) => Thread.CurrentThread.IsThreadPoolThread ? next(context) : OnThreadPoolAsync(context, next));

    /// <summary>Continues the caller on the thread pool if it runs on another thread (a socket event thread). The
    /// awaitable itself queues the caller's continuation: an async helper that yielded inside would let its caller go
    /// on on the socket thread whenever the pool finished the helper before the caller looked at it.</summary>
    public static ThreadPoolHop LeaveSocketThreadAsync() => default;

    /// <summary>Awaiting it from a thread that is not the thread pool's queues the rest of the method to the pool.</summary>
    public readonly struct ThreadPoolHop : System.Runtime.CompilerServices.ICriticalNotifyCompletion
    {
        public ThreadPoolHop GetAwaiter() => this;

        public bool IsCompleted => Thread.CurrentThread.IsThreadPoolThread;

        public void GetResult()
        {
        }

        public void OnCompleted(Action continuation) =>
            ThreadPool.QueueUserWorkItem(static run => run(), continuation, preferLocal: false);

        public void UnsafeOnCompleted(Action continuation) =>
            ThreadPool.UnsafeQueueUserWorkItem(static run => run(), continuation, preferLocal: false);
    }

    private static async Task OnThreadPoolAsync(HttpContext context, RequestDelegate next)
    {
        await LeaveSocketThreadAsync();
        await next(context);
    }
}
