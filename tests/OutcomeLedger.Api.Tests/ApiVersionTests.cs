using System.Net;
using System.Text.Json.Nodes;

namespace OutcomeLedger.Api.Tests;

/// <summary>
/// Issue 15, Deliver 9: the API under <c>/api/v1</c>, the unversioned paths redirected there with 308 (method and body
/// kept), CORS on a public ledger's checkpoint and tiles, and an OpenAPI document that says what a client needs.
/// </summary>
public sealed class ApiVersionTests(ApiVersionTests.Servers servers) : IClassFixture<ApiVersionTests.Servers>
{
    public sealed class Servers : IAsyncLifetime
    {
        public TestServer Public { get; } = new();

        public TestServer Private { get; } = new() { Private = true };

        public async ValueTask InitializeAsync()
        {
            await Public.InitializeAsync();
            await Private.InitializeAsync();
        }

        public async ValueTask DisposeAsync()
        {
            await Public.DisposeAsync();
            await Private.DisposeAsync();
        }
    }

    static CancellationToken Cancel => TestContext.Current.CancellationToken;

    HttpClient NotFollowing() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = servers.Public.BaseAddress };

    [Theory]
    [InlineData("GET", "api/parties?limit=1&offset=0", "/api/v1/parties?limit=1&offset=0")]
    [InlineData("GET", "api/entries/0/receipt", "/api/v1/entries/0/receipt")]
    [InlineData("POST", "api/measurements", "/api/v1/measurements")]
    [InlineData("HEAD", "api/scorecard?agreement=us-mx-security", "/api/v1/scorecard?agreement=us-mx-security")]
    public async Task Unversioned_PermanentRedirectToV1(string method, string path, string location)
    {
        using var client = NotFollowing();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Unversioned_Followed_SameAnswerAsV1()
    {
        var versioned = await servers.Public.Client.GetStringAsync("api/v1/parties?limit=2", Cancel);
        var redirected = await servers.Public.Client.GetStringAsync("api/parties?limit=2", Cancel);

        Assert.Equal(versioned, redirected);
        Assert.Contains("\"operator\"", versioned, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unversioned_PostFollowed_ReachesTheWriteEndpointAsPost()
    {
        // Followed by the client, the POST stays a POST with its body: the write endpoint answers (401: the client
        // drops Authorization on any redirect), not 405 as a GET would get.
        using var content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        using var response = await servers.Public.Client.PostAsync("api/measurements", content, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("/api/v1/measurements", response.RequestMessage?.RequestUri?.AbsolutePath);
    }

    [Theory]
    [InlineData("api/v1")]
    [InlineData("api/v1/no-such-endpoint")]
    [InlineData("api/v1/v1/parties")]
    public async Task UnknownUnderV1_NotFound_NoRedirect(string path)
    {
        using var client = NotFollowing();
        using var response = await client.GetAsync(path, Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PublicLedger_CheckpointAndTiles_AnyOrigin()
    {
        using var checkpoint = await servers.Public.Client.GetAsync("checkpoint", Cancel);
        var size = ulong.Parse((await checkpoint.Content.ReadAsStringAsync(Cancel)).Split('\n')[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(size, 1UL, 255UL);
        using var tile = await servers.Public.Client.GetAsync($"tile/0/000.p/{size}", Cancel);
        using var bundle = await servers.Public.Client.GetAsync($"tile/entries/000.p/{size}", Cancel);

        foreach (var response in new[] { checkpoint, tile, bundle })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("*", string.Join(",", response.Headers.GetValues("Access-Control-Allow-Origin")));
        }

        // The API's JSON is not opened to other origins by this.
        using var parties = await servers.Public.Client.GetAsync("api/v1/parties", Cancel);
        Assert.False(parties.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task PrivateLedger_Checkpoint_NoCors()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "checkpoint");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", servers.Private.Tokens[OutcomeLedger.Core.Access.AccessRole.Verifier]);
        using var checkpoint = await servers.Private.Client.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.OK, checkpoint.StatusCode);
        Assert.False(checkpoint.Headers.Contains("Access-Control-Allow-Origin"));
    }

    async Task<JsonNode> DocumentAsync() => JsonNode.Parse(await servers.Public.Client.GetStringAsync("openapi/v1.json", Cancel))!;

    static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations(JsonNode document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Select(op => (path.Key, op.Key, op.Value!.AsObject())));

    [Fact]
    public async Task OpenApi_EveryApiPathVersioned_EveryOperationSummarised()
    {
        var operations = Operations(await DocumentAsync()).ToList();

        Assert.NotEmpty(operations);
        Assert.All(operations, op => Assert.False(string.IsNullOrWhiteSpace(op.Operation["summary"]?.GetValue<string>()), $"{op.Method} {op.Path} has no summary"));
        Assert.All(operations.Where(op => op.Path.StartsWith("/api", StringComparison.Ordinal)), op => Assert.StartsWith("/api/v1/", op.Path, StringComparison.Ordinal));
        Assert.Contains(operations, op => op.Path == "/api/v1/measurements" && op.Method == "post");
    }

    [Fact]
    public async Task OpenApi_BearerScheme_RequiredForWrites_OptionalForReads()
    {
        var document = await DocumentAsync();
        var scheme = document["components"]!["securitySchemes"]!["Bearer"]!;
        Assert.Equal("http", scheme["type"]!.GetValue<string>());
        Assert.Equal("bearer", scheme["scheme"]!.GetValue<string>());

        foreach (var (path, method, operation) in Operations(document).Where(op => op.Path.StartsWith("/api/v1/", StringComparison.Ordinal)))
        {
            var security = operation["security"]!.AsArray();
            Assert.Contains(security, requirement => requirement!.AsObject().ContainsKey("Bearer"));
            Assert.True(operation["responses"]!.AsObject().ContainsKey("401"), $"{method} {path}: no 401");
            if (method == "post")
            {
                Assert.Single(security);
                Assert.True(operation["responses"]!.AsObject().ContainsKey("403"), $"{method} {path}: no 403");
            }
            else
            {
                // An empty requirement: a public ledger's reads need no token.
                Assert.Contains(security, requirement => requirement!.AsObject().Count == 0);
            }

            if (operation["parameters"]?.AsArray().Any(p => p!["in"]!.GetValue<string>() == "path") == true)
            {
                Assert.True(operation["responses"]!.AsObject().ContainsKey("404"), $"{method} {path}: no 404");
            }
        }
    }

    [Fact]
    public async Task OpenApi_FormatAndLangEnums_IntegerPaging()
    {
        var operations = Operations(await DocumentAsync()).ToList();
        JsonNode Parameter(string path, string name) =>
            operations.Single(op => op.Path == path && op.Method == "get").Operation["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == name)!["schema"]!;

        Assert.Equal(["json", "html", "md"], Parameter("/api/v1/scorecard", "format")["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal(["en", "es"], Parameter("/api/v1/scorecard", "lang")["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal(["en", "es"], Parameter("/api/v1/export.csv", "lang")["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        foreach (var (path, name) in new[] { ("/api/v1/parties", "offset"), ("/api/v1/parties", "limit"), ("/api/v1/measurements", "limit"), ("/api/v1/scorecard", "at"), ("/api/v1/entries/{index}", "index") })
        {
            var schema = Parameter(path, name);
            Assert.Equal("integer", schema["type"]!.GetValue<string>());
            Assert.Null(schema["pattern"]);
        }
    }
}
