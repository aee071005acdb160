using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using OutcomeLedger.Core.Access;

namespace OutcomeLedger.Api.Tests.Access;

/// <summary>Reads are public unless the ledger is served privately; then every read route group needs a valid token.</summary>
public sealed class PrivateReadsTests(PrivateTestServer fixture) : IClassFixture<PrivateTestServer>
{
    /// <summary>One read of each route group: log, tiles, records, scorecards, witness, pages, the OpenAPI document.</summary>
    public static TheoryData<string> Reads => new()
    {
        "checkpoint",
        "tile/0/000.p/2",
        "tile/entries/000.p/2",
        "api/v1/entries/0",
        "api/v1/entries/0/receipt",
        "api/v1/consistency?from=1&to=2",
        "api/v1/parties",
        "api/v1/statements",
        "api/v1/commitments/reduce-fentanyl-flow",
        "api/v1/indicators",
        "api/v1/measurements",
        "api/v1/attestations",
        "api/v1/scorecard?agreement=us-mx-security",
        "api/v1/witness",
        "",
        "log",
        "commitments/reduce-fentanyl-flow",
        "openapi/v1.json",
    };

    TestServer Server => fixture.Server;

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task Read_PrivateWithoutToken_Unauthorized(string path)
    {
        using var response = await Server.Client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task Read_PrivateWithRevokedOrUnknownToken_Unauthorized(string path)
    {
        foreach (var token in new[] { Server.RevokedToken, "olt_00000000_unknown" })
        {
            using var response = await GetAsync(Server, path, token);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task Read_PrivateWithTokenOfAnyRole_Served(string path)
    {
        foreach (var role in Enum.GetValues<AccessRole>())
        {
            using var response = await GetAsync(Server, path, Server.Tokens[role]);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role}: {path} gave {response.StatusCode}");
            Assert.DoesNotContain("public", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Tile_PrivateWithToken_CachedPrivatelyOnly()
    {
        using var response = await GetAsync(Server, "tile/0/000.p/2", Server.Tokens[AccessRole.Verifier]);
        var cache = response.Headers.CacheControl;
        Assert.NotNull(cache);
        Assert.True(cache.Private);
        Assert.False(cache.Public);
        Assert.Equal(TimeSpan.FromDays(365), cache.MaxAge);
    }

    [Fact]
    public async Task Write_PrivateWithoutToken_StillRefusedAsAWrite()
    {
        using var response = await Server.PostAsync("api/v1/measurements", [], token: null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>
    /// A cosignature authenticates itself, but the answers to one without a token (404 for a size without a checkpoint,
    /// 422 for one with) would map a private log's size and batch history: without a token it is 401, whatever the size.
    /// </summary>
    [Theory]
    [InlineData(null)]
    [InlineData("revoked")]
    [InlineData("olt_00000000_unknown")]
    public async Task Cosignature_PrivateWithoutAValidToken_UnauthorizedForEverySize(string? token)
    {
        token = token == "revoked" ? Server.RevokedToken : token;
        var latest = (await Server.Services.GetRequiredService<ServedLedger>().Store.GetLatestCheckpointAsync(TestContext.Current.CancellationToken))!.Size;
        foreach (var size in new[] { 1UL, latest, latest + 1, 99999UL })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"api/v1/checkpoints/{size}/cosignatures") { Content = new StringContent("— x AAAA\n") };
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            using var response = await Server.Client.SendAsync(request, TestContext.Current.CancellationToken);
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        }
    }

    [Fact]
    public async Task Cosignature_PrivateWithAToken_CheckedAsOnAPublicLedger()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/checkpoints/99999/cosignatures") { Content = new StringContent("— x AAAA\n") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Server.Tokens[AccessRole.Verifier]);

        using var response = await Server.Client.SendAsync(request, TestContext.Current.CancellationToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Dashboard_PrivateSignedInWithTheForm_ReadsPagesWithoutABearerHeader()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var browser = new HttpClient { BaseAddress = Server.Client.BaseAddress };
        using (var refused = await browser.GetAsync("log", cancellationToken))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        var page = await browser.GetStringAsync("submit", cancellationToken);
        Assert.DoesNotContain("reduce-fentanyl-flow", page, StringComparison.Ordinal);
        // The sign-in page's stylesheet holds no ledger data: served before signing in, for the reader's own cache only.
        var stylesheet = System.Text.RegularExpressions.Regex.Match(page, "<link rel=\"stylesheet\" href=\"/([^\"]+)\" />").Groups[1].Value;
        using (var css = await browser.GetAsync(System.Net.WebUtility.HtmlDecode(stylesheet), cancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, css.StatusCode);
            Assert.True(css.Headers.CacheControl?.Private);
            Assert.False(css.Headers.CacheControl?.Public);
        }

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Features.Dashboard.DemoDashboard.AntiforgeryToken(page),
            ["token"] = Server.Tokens[AccessRole.Verifier],
        });
        using (var signedIn = await browser.PostAsync("sign-in", form, cancellationToken))
        {
            Assert.True(signedIn.IsSuccessStatusCode || signedIn.StatusCode == HttpStatusCode.SeeOther, $"sign-in gave {signedIn.StatusCode}");
        }

        using var log = await browser.GetAsync("log", cancellationToken);
        Assert.Equal(HttpStatusCode.OK, log.StatusCode);
        using var commitment = await browser.GetAsync("commitments/reduce-fentanyl-flow", cancellationToken);
        Assert.Equal(HttpStatusCode.OK, commitment.StatusCode);
    }

    static async Task<HttpResponseMessage> GetAsync(TestServer server, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await server.Client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
