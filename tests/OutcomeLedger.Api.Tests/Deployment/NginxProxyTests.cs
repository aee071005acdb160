using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace OutcomeLedger.Api.Tests.Deployment;

/// <summary>
/// Issue 15, Deliver 1, with a real nginx (Debian's package) in front of the server, configured by the example in
/// docs/deploy/nginx/outcomes.conf with a certificate openssl makes here: HTTPS reaches the server through the proxy,
/// each client behind it has its own rate limit, cookies are Secure and HSTS is sent; straight to the server over HTTP
/// neither is. Skipped, saying why, where nginx or openssl is not installed (CI installs both).
/// </summary>
public sealed class NginxProxyTests : IAsyncLifetime
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    readonly TestServer _ledger = new();
    readonly string _folder = Directory.CreateTempSubdirectory("outcomes-nginx-").FullName;

    static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _ledger.InitializeAsync();
        await _ledger.StopServerAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _ledger.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    static string? Installed(params string[] candidates) =>
        candidates.FirstOrDefault(File.Exists)
        ?? (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, Path.GetFileName(candidates[0]))).FirstOrDefault(File.Exists);

    static string DocsExample()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var example = Path.Combine(folder.FullName, "docs", "deploy", "nginx", "outcomes.conf");
            if (File.Exists(example))
            {
                return example;
            }
        }

        throw new InvalidOperationException("docs/deploy/nginx/outcomes.conf not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public async Task Nginx_TerminatesTls_ServerSeesEachClientAndHttps()
    {
        var nginx = Installed("/usr/sbin/nginx", "/usr/bin/nginx");
        var openssl = Installed("/usr/bin/openssl");
        Assert.SkipWhen(nginx is null || openssl is null, "nginx or openssl is not installed (apt-get install nginx openssl); CI installs them");
        Assert.SkipUnless(OperatingSystem.IsLinux(), "clients on 127.0.0.2 and 127.0.0.3 need Linux's whole 127/8 loopback");

        // A self-signed certificate for localhost, as an operator would test with before a real one.
        var certificate = Path.Combine(_folder, "fullchain.pem");
        var key = Path.Combine(_folder, "privkey.pem");
        await RunAsync(openssl!, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate, "-days", "2",
            "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1");
        using var trusted = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(certificate, Cancel));

        await using var app = await LedgerServer.BuildAsync(new LedgerServerOptions
        {
            Ledger = _ledger.Folder,
            Time = _ledger.Clock,
            Urls = ["http://127.0.0.1:0"],
            WritesPerMinute = 2,
            TrustedProxies = [IPNetwork.Parse("127.0.0.1/32")],
        }, Cancel);
        await app.StartAsync(Cancel);
        var backend = new Uri(app.Urls.Single());

        // The documented server block as it stands, with this test's port, certificate and server address.
        var port = ServeChild.FreePort();
        var site = (await File.ReadAllTextAsync(DocsExample(), Cancel))
            .Replace("listen 443 ssl;", $"listen 127.0.0.1:{port} ssl;", StringComparison.Ordinal)
            .Replace("/etc/letsencrypt/live/ledger.example.org/fullchain.pem", certificate, StringComparison.Ordinal)
            .Replace("/etc/letsencrypt/live/ledger.example.org/privkey.pem", key, StringComparison.Ordinal)
            .Replace("server_name ledger.example.org;", "server_name localhost;", StringComparison.Ordinal)
            .Replace("http://127.0.0.1:5080", $"http://127.0.0.1:{backend.Port}", StringComparison.Ordinal);
        Assert.Contains($"listen 127.0.0.1:{port} ssl;", site, StringComparison.Ordinal);
        Assert.Contains($"proxy_pass http://127.0.0.1:{backend.Port};", site, StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(_folder, "site.conf"), site, Cancel);
        foreach (var temp in new[] { "client_body", "proxy", "fastcgi", "uwsgi", "scgi" })
        {
            Directory.CreateDirectory(Path.Combine(_folder, temp));
        }

        await File.WriteAllTextAsync(Path.Combine(_folder, "nginx.conf"), $$"""
            daemon off;
            master_process off;
            worker_processes 1;
            pid {{_folder}}/nginx.pid;
            error_log {{_folder}}/error.log;
            events { worker_connections 64; }
            http {
                access_log off;
                client_body_temp_path {{_folder}}/client_body;
                proxy_temp_path {{_folder}}/proxy;
                fastcgi_temp_path {{_folder}}/fastcgi;
                uwsgi_temp_path {{_folder}}/uwsgi;
                scgi_temp_path {{_folder}}/scgi;
                include {{_folder}}/site.conf;
            }
            """, Cancel);

        var start = new ProcessStartInfo(nginx!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-p", _folder + "/", "-c", Path.Combine(_folder, "nginx.conf"), "-e", Path.Combine(_folder, "error.log") })
        {
            start.ArgumentList.Add(argument);
        }

        using var proxy = Process.Start(start)!;
        try
        {
            using var alice = Client(port, IPAddress.Parse("127.0.0.2"), trusted);
            using var bob = Client(port, IPAddress.Parse("127.0.0.3"), trusted);
            await WaitForAsync(alice, proxy);

            // HTTPS through the proxy: HSTS, and a cookie marked Secure.
            using (var page = await alice.GetAsync("?lang=es", Cancel))
            {
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
                Assert.Equal("max-age=31536000", string.Join(",", page.Headers.GetValues("Strict-Transport-Security")));
                var cookie = Assert.Single(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ol_lang=es", StringComparison.Ordinal));
                Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
            }

            // Straight to the server over HTTP: neither.
            using (var direct = new HttpClient { BaseAddress = backend, Timeout = Patience })
            using (var page = await direct.GetAsync("?lang=es", Cancel))
            {
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
                Assert.False(page.Headers.Contains("Strict-Transport-Security"));
                Assert.DoesNotContain("; secure", Assert.Single(page.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
            }

            // Two writes a minute from one address: alice spends hers (a write without a token still counts), and a
            // header she sends naming another address changes nothing; bob, behind the same proxy, still has his.
            for (var write = 0; write < 2; write++)
            {
                Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(alice, "127.0.0.9"));
            }

            Assert.Equal(HttpStatusCode.TooManyRequests, await PostAsync(alice, "127.0.0.10"));
            Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(bob, null));
        }
        finally
        {
            proxy.Kill(entireProcessTree: true);
            await proxy.WaitForExitAsync(CancellationToken.None).WaitAsync(Patience, CancellationToken.None);
            await app.StopAsync(CancellationToken.None);
        }
    }

    // A client of the proxy from its own loopback address, trusting only the test's certificate.
    static HttpClient Client(int port, IPAddress source, X509Certificate2 trusted) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (_, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(new IPEndPoint(source, 0));
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
        SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetCertHashString() == trusted.Thumbprint,
        },
    })
    {
        BaseAddress = new Uri($"https://localhost:{port}/"),
        Timeout = Patience,
    };

    static async Task<HttpStatusCode> PostAsync(HttpClient client, string? claimedAddress)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/entries") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        if (claimedAddress is not null)
        {
            request.Headers.Add("X-Forwarded-For", claimedAddress);
        }

        using var response = await client.SendAsync(request, Cancel);
        return response.StatusCode;
    }

    // Polled every 100 ms up to Patience until nginx answers: a bound on a hang, not a timing.
    async Task WaitForAsync(HttpClient client, Process proxy)
    {
        for (var attempt = 0; ; attempt++)
        {
            Assert.False(proxy.HasExited, $"nginx exited with {(proxy.HasExited ? proxy.ExitCode : 0)}: {await proxy.StandardError.ReadToEndAsync(Cancel)}{ErrorLog()}");
            try
            {
                using var alive = await client.GetAsync("healthz", Cancel);
                if (alive.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (attempt * 100 < Patience.TotalMilliseconds)
            {
                // Not listening yet.
            }

            Assert.True(attempt * 100 < Patience.TotalMilliseconds, $"nginx did not answer within {Patience}: {ErrorLog()}");
            await Task.Delay(100, Cancel);
        }
    }

    string ErrorLog()
    {
        var log = Path.Combine(_folder, "error.log");
        return File.Exists(log) ? File.ReadAllText(log) : "";
    }

    static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Cancel);
        var error = process.StandardError.ReadToEndAsync(Cancel);
        await process.WaitForExitAsync(Cancel);
        Assert.True(process.ExitCode == 0, $"{Path.GetFileName(program)} exited with {process.ExitCode}: {await output}{await error}");
    }
}
