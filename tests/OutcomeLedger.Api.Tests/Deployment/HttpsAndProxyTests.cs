using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using OutcomeLedger.Storage;

namespace OutcomeLedger.Api.Tests.Deployment;

/// <summary>Issue 15, Deliver 1: HTTPS from PEM files with HSTS, and forwarded headers believed only from the proxies named.</summary>
public sealed class HttpsAndProxyTests : IAsyncLifetime
{
    readonly TestServer _ledger = new();

    static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _ledger.InitializeAsync();
        await _ledger.StopServerAsync();
    }

    public ValueTask DisposeAsync() => _ledger.DisposeAsync();

    async Task<WebApplication> StartAsync(string url, X509Certificate2? certificate = null, params string[] proxies)
    {
        var app = await LedgerServer.BuildAsync(new LedgerServerOptions
        {
            Ledger = _ledger.Folder,
            Time = _ledger.Clock,
            Urls = [url],
            WritesPerMinute = 1,
            Certificate = certificate,
            TrustedProxies = [.. proxies.Select(IPNetwork.Parse)],
        }, Cancel);
        await app.StartAsync(Cancel);
        return app;
    }

    [Fact]
    public async Task Https_CertificateFromPemFiles_ServedWithHsts()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var selfSigned = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256).CreateSelfSigned(TestServer.At.AddDays(-1), TestServer.At.AddYears(1));
        var certificateFile = Path.Combine(_ledger.Folder, "tls.crt");
        var keyFile = Path.Combine(_ledger.Folder, "tls.key");
        await File.WriteAllTextAsync(certificateFile, selfSigned.ExportCertificatePem(), Cancel);
        KeyFile.WriteSecret(keyFile, key.ExportPkcs8PrivateKeyPem());
        using var certificate = TlsCertificate.Load(certificateFile, keyFile);

        await using var app = await StartAsync("https://127.0.0.1:0", certificate);
        using var client = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == selfSigned.Thumbprint })
        {
            BaseAddress = new Uri(app.Urls.Single()),
        };
        using var response = await client.GetAsync("healthz", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=31536000", string.Join(",", response.Headers.GetValues("Strict-Transport-Security")));
        await app.StopAsync(Cancel);
    }

    [Fact]
    public async Task NoTrustedProxy_ForwardedHeadersIgnored_RateLimitByTheConnection()
    {
        await using var app = await StartAsync("http://127.0.0.1:0");
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };

        using var first = await SignInAsync(client, "203.0.113.1", "https");
        using var second = await SignInAsync(client, "203.0.113.2", "https");

        Assert.NotEqual(HttpStatusCode.TooManyRequests, first.StatusCode);
        // A client naming another address in a header does not escape the limit.
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        // Nor does it get HSTS by claiming HTTPS.
        Assert.False(first.Headers.Contains("Strict-Transport-Security"));
        await app.StopAsync(Cancel);
    }

    [Fact]
    public async Task TrustedProxy_ClientAddressAndSchemeFromItsHeaders()
    {
        await using var app = await StartAsync("http://127.0.0.1:0", null, "127.0.0.1/32");
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };

        using var first = await SignInAsync(client, "203.0.113.1", "https");
        using var other = await SignInAsync(client, "203.0.113.2", "https");
        using var again = await SignInAsync(client, "203.0.113.1", "https");

        // Each client behind the proxy has its own limit.
        Assert.NotEqual(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, other.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
        // HTTPS at the proxy: HSTS.
        Assert.True(first.Headers.Contains("Strict-Transport-Security"));
        await app.StopAsync(Cancel);
    }

    [Fact]
    public void Certificate_KeyReadableByOthers_RefusedNamingTheFileNotTheKey()
    {
        var keyFile = Path.Combine(_ledger.Folder, "open.key");
        File.WriteAllText(keyFile, "-----BEGIN PRIVATE KEY-----\nsecretsecret\n-----END PRIVATE KEY-----\n");
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        File.WriteAllText(Path.Combine(_ledger.Folder, "tls.crt"), "not a certificate");

        var error = Assert.Throws<UnauthorizedAccessException>(() => TlsCertificate.Load(Path.Combine(_ledger.Folder, "tls.crt"), keyFile));
        Assert.Contains("open.key", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secretsecret", error.Message, StringComparison.Ordinal);

        File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var bad = Assert.Throws<InvalidDataException>(() => TlsCertificate.Load(Path.Combine(_ledger.Folder, "tls.crt"), keyFile));
        Assert.DoesNotContain("secretsecret", bad.Message, StringComparison.Ordinal);
    }

    static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string forwardedFor, string forwardedProto)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "sign-in") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = "not-a-token" }) };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        return await client.SendAsync(request, Cancel);
    }
}
