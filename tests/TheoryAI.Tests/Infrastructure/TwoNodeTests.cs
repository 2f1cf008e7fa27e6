using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace TheoryAI.Tests.Infrastructure;

/// <summary>
/// Two real site processes (the built TheoryAI.Web.dll, Production) on one PostgreSQL database behind a real nginx,
/// round-robin: an organizer signs in and saves through nginx, both nodes serve the change, one node is killed, the
/// site keeps answering and the next save (on the other node) is kept with the first.
/// </summary>
[Trait("Store", TestStore.PostgresOnly)]
public sealed class TwoNodeTests(ITestOutputHelper log) : IAsyncLifetime
{
    private const string Nginx = "/usr/sbin/nginx";
    private const string Organizer = "two-nodes@example.org";
    private static readonly TimeSpan StartDeadline = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan ChangeDeadline = TimeSpan.FromSeconds(30);

    private readonly string _databasePath = TestFiles.NewDatabasePath();
    private readonly List<ChildProcess> _processes = [];
    private DirectoryInfo? _nginxFolder;

    private ChildProcess _nodeA = null!;
    private ChildProcess _nodeB = null!;
    private Uri _nodeAUri = null!;
    private Uri _nodeBUri = null!;
    private Uri _nginxUri = null!;

    public async Task InitializeAsync()
    {
        TestStore.RequirePostgresServer();
        Assert.True(File.Exists(Nginx), $"This test needs nginx at {Nginx} (Debian: apt-get install nginx-light; tests/run installs it).");

        // Both nodes start at once on an empty database: one migrates and imports the seed, the other waits for it.
        var portA = ChildProcess.FreeLoopbackPort();
        var portB = ChildProcess.FreeLoopbackPort();
        _nodeAUri = new Uri($"http://127.0.0.1:{portA}/");
        _nodeBUri = new Uri($"http://127.0.0.1:{portB}/");
        _nodeA = StartSite("node A", "--urls", _nodeAUri.ToString());
        _nodeB = StartSite("node B", "--urls", _nodeBUri.ToString());
        await Task.WhenAll(_nodeA.WaitUntilHealthyAsync(_nodeAUri, StartDeadline), _nodeB.WaitUntilHealthyAsync(_nodeBUri, StartDeadline));

        var addOrganizer = StartSite("add-organizer", "add-organizer", "--email", Organizer);
        Assert.True(await addOrganizer.WaitForExitAsync(StartDeadline) == 0, addOrganizer.Output);

        _nginxFolder = Directory.CreateTempSubdirectory("theoryai-nginx-");
        var nginxPort = ChildProcess.FreeLoopbackPort();
        _nginxUri = new Uri($"http://127.0.0.1:{nginxPort}/");
        var config = Path.Combine(_nginxFolder.FullName, "nginx.conf");
        await File.WriteAllTextAsync(config, NginxConfig(_nginxFolder.FullName, nginxPort, portA, portB));
        var nginx = ChildProcess.Start("nginx", Nginx,
            ["-p", _nginxFolder.FullName, "-c", config, "-e", Path.Combine(_nginxFolder.FullName, "error.log"), "-g", "daemon off;"],
            _nginxFolder.FullName, new Dictionary<string, string>());
        _processes.Add(nginx);
        await nginx.WaitUntilHealthyAsync(_nginxUri, StartDeadline);
    }

    [Fact]
    public async Task Saves_through_nginx_reach_both_nodes_and_survive_a_node_being_killed()
    {
        int talk2Session, talk3Session;
        await using (var db = TestStore.CreateDb(_databasePath))
        {
            talk2Session = await db.Talks.Where(t => t.Number == 2).Select(t => t.SessionId).SingleAsync();
            talk3Session = await db.Talks.Where(t => t.Number == 3).Select(t => t.SessionId).SingleAsync();
        }
        using var organizer = NewClient(_nginxUri);
        var signIn = await OrganizerSite.SignInAsync(organizer, Organizer);
        Assert.True(signIn.StatusCode == HttpStatusCode.Redirect, $"sign-in through nginx answered {(int)signIn.StatusCode}");

        const string firstTitle = "Scaling limits, saved through nginx";
        await SaveTitleAsync(organizer, talk2Session, firstTitle);
        await OrganizerSite.PublishedAsync(organizer);

        // Whichever node took the save, each serves it (the other sees the new version within a second).
        using var direct = new HttpClient();
        await WaitForTitleAsync(direct, new Uri(_nodeAUri, "talks/2"), firstTitle);
        await WaitForTitleAsync(direct, new Uri(_nodeBUri, "talks/2"), firstTitle);

        // Round-robin: nginx sent the organizer's requests to both nodes.
        var beforeKill = await AccessLogAsync();
        Assert.Contains($"upstream={NodeAddress(_nodeAUri)} ", beforeKill);
        Assert.Contains($"upstream={NodeAddress(_nodeBUri)} ", beforeKill);

        _nodeA.Kill();

        // nginx finds node A gone (connection refused) and sends each request to node B.
        using var visitor = NewClient(_nginxUri);
        foreach (var path in new[] { "", "programme", "talks/2", "speakers", "", "talks/2" })
        {
            using var response = await visitor.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /{path} through nginx with node A down answered {(int)response.StatusCode}");
        }

        // At least one of them was first tried on node A, then passed to node B.
        Assert.Contains($"upstream={NodeAddress(_nodeAUri)}, {NodeAddress(_nodeBUri)} status=200", await AccessLogAsync());

        const string secondTitle = "A second save, on the node left standing";
        await SaveTitleAsync(organizer, talk3Session, secondTitle);
        await OrganizerSite.PublishedAsync(organizer);

        Assert.Equal(firstTitle, await TitleOnAsync(visitor, "talks/2"));
        Assert.Equal(secondTitle, await TitleOnAsync(visitor, "talks/3"));
        await using (var db = TestStore.CreateDb(_databasePath))
        {
            Assert.Equal(firstTitle, await db.Talks.Where(t => t.Number == 2).Select(t => t.Session.Title).SingleAsync());
            Assert.Equal(secondTitle, await db.Talks.Where(t => t.Number == 3).Select(t => t.Session.Title).SingleAsync());
            Assert.Equal(3, await db.Releases.CountAsync()); // the seed's, and one per publish
        }
        Assert.False(_nodeB.HasExited, _nodeB.Output);
    }

    public Task DisposeAsync()
    {
        foreach (var process in _processes)
        {
            process.Dispose();
            log.WriteLine($"--- {process.Name} ---\n{process.Output}");
        }
        if (_nginxFolder is not null)
        {
            var errors = Path.Combine(_nginxFolder.FullName, "error.log");
            if (File.Exists(errors))
            {
                log.WriteLine($"--- nginx error.log ---\n{File.ReadAllText(errors)}");
            }
            _nginxFolder.Delete(recursive: true);
        }
        if (TestStore.IsPostgres)
        {
            TestStore.Delete(_databasePath);
        }
        return Task.CompletedTask;
    }

    private Task<string> AccessLogAsync() => File.ReadAllTextAsync(Path.Combine(_nginxFolder!.FullName, "access.log"));

    private static string NodeAddress(Uri node) => $"{node.Host}:{node.Port}";

    /// <summary>The site as built next to this test (the test project references the web project), run as in production.</summary>
    private ChildProcess StartSite(string name, params string[] arguments)
    {
        var folder = AppContext.BaseDirectory;
        var site = Path.Combine(folder, "TheoryAI.Web.dll");
        Assert.True(File.Exists(site), $"{site} is missing: build the solution first.");
        var process = ChildProcess.Start(name, ChildProcess.DotnetHost, [site, .. arguments], folder, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Conference__Database"] = "postgres",
            ["ConnectionStrings__Conference"] = TestStore.ConnectionString(_databasePath),
            ["ORGANIZER_PASSWORD"] = OrganizerSite.Password,
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        });
        _processes.Add(process);
        return process;
    }

    private static async Task SaveTitleAsync(HttpClient organizer, int sessionId, string title)
    {
        var form = await HtmlForm.LoadAsync(organizer, $"/admin/talks/edit/{sessionId}", "#edit-form");
        var response = await form.Set("Input.Title", title).SubmitAsync();
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            Assert.Fail($"saving talk {sessionId} answered {(int)response.StatusCode}: {await OrganizerSite.ErrorsOf(response)}");
        }
    }

    private static async Task WaitForTitleAsync(HttpClient client, Uri page, string title)
    {
        var deadline = DateTime.UtcNow + ChangeDeadline;
        string? seen;
        while ((seen = await TitleOnAsync(client, page.ToString())) != title)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{page} still showed \"{seen}\" after {ChangeDeadline.TotalSeconds} s, not \"{title}\"");
            await Task.Delay(200);
        }
    }

    private static async Task<string?> TitleOnAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        return page.QuerySelector("h1")?.TextContent.Trim();
    }

    /// <summary>A browser-like client: keeps cookies, shows redirects instead of following them.</summary>
    private static HttpClient NewClient(Uri root) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = root };

    /// <summary>deploy/nginx.conf's proxying, with the nodes on loopback and nginx's files in a folder of the test.</summary>
    private static string NginxConfig(string folder, int port, int nodeA, int nodeB) => $$"""
        # As root nginx would run its worker as nobody, who cannot enter the test's private folder.
        {{(Environment.UserName == "root" ? "user root;" : "")}}
        worker_processes 1;
        pid {{folder}}/nginx.pid;
        error_log {{folder}}/error.log warn;
        events {
            worker_connections 256;
        }
        http {
            log_format upstreams '$request upstream=$upstream_addr status=$status';
            access_log {{folder}}/access.log upstreams;
            client_body_temp_path {{folder}}/body;
            proxy_temp_path {{folder}}/proxy;
            fastcgi_temp_path {{folder}}/fastcgi;
            uwsgi_temp_path {{folder}}/uwsgi;
            scgi_temp_path {{folder}}/scgi;

            upstream theoryai_nodes {
                server 127.0.0.1:{{nodeA}} max_fails=1 fail_timeout=5s;
                server 127.0.0.1:{{nodeB}} max_fails=1 fail_timeout=5s;
                keepalive 8;
            }

            server {
                listen 127.0.0.1:{{port}};
                location / {
                    proxy_pass http://theoryai_nodes;
                    proxy_http_version 1.1;
                    proxy_set_header Connection "";
                    proxy_set_header Host $http_host;
                    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                    proxy_set_header X-Forwarded-Proto $scheme;
                    proxy_connect_timeout 2s;
                    # A node that is down or restarting: the same request goes to the other.
                    proxy_next_upstream error timeout http_502 http_503;
                }
            }
        }
        """;
}
