using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OutcomeLedger.Api.Tests;

public sealed class LedgerServerTests(TestServer server) : IClassFixture<TestServer>
{
    /// <summary>
    /// The OpenAPI document is a contract others build clients from: it changes only on purpose. On a difference the
    /// served document is written beside the snapshot as <c>openapi.v1.received.json</c>; review it and copy it over.
    /// </summary>
    [Fact]
    public async Task OpenApi_Document_MatchesTheSnapshot()
    {
        using var response = await server.Client.GetAsync("openapi/v1.json", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var served = Normalise(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var folder = Path.Combine(SourceFolder(), "Snapshots");
        var snapshot = Path.Combine(folder, "openapi.v1.json");
        var received = Path.Combine(folder, "openapi.v1.received.json");
        var expected = File.Exists(snapshot) ? await File.ReadAllTextAsync(snapshot, TestContext.Current.CancellationToken) : "";
        if (expected != served)
        {
            await File.WriteAllTextAsync(received, served, TestContext.Current.CancellationToken);
        }
        else if (File.Exists(received))
        {
            File.Delete(received);
        }

        Assert.True(expected == served, $"the OpenAPI document changed; review {received} and copy it to {snapshot}");
    }

    [Fact]
    public async Task OpenApi_Document_DescribesEveryWriteEndpoint()
    {
        var document = JsonNode.Parse(await server.Client.GetStringAsync("openapi/v1.json", TestContext.Current.CancellationToken))!;
        var paths = document["paths"]!.AsObject();
        foreach (var collection in OutcomeLedger.Core.Ledger.RecordKinds.All.Select(k => k.Collection).Append("entries"))
        {
            Assert.NotNull(paths["/api/v1/" + collection]?["post"]);
        }
    }

    [Fact]
    public async Task Writes_OverTheRateLimit_TooManyRequestsProblem()
    {
        await using var limited = new TestServer { WritesPerMinute = 2 };
        await limited.InitializeAsync();
        var token = limited.Tokens[OutcomeLedger.Core.Access.AccessRole.Party];
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await limited.PostAsync("api/v1/measurements", OutcomeLedger.Core.Ledger.EntryCodec.Sign(TestServer.Measurement($"2024-0{i + 1}", i), limited.Us), token);
            statuses.Add(response.StatusCode);
            if (i == 2)
            {
                await ProblemAssert.IsProblemAsync(response, HttpStatusCode.TooManyRequests);
            }
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
        // Reads are not limited.
        using var read = await limited.Client.GetAsync("checkpoint", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task Stop_WithSubmissionsInFlight_EveryAcknowledgedEntryIsDurable()
    {
        var stopping = new TestServer();
        await stopping.InitializeAsync();
        var token = stopping.Tokens[OutcomeLedger.Core.Access.AccessRole.Party];
        var posts = Enumerable.Range(1, 20)
            .Select(i => SafePostAsync(stopping, OutcomeLedger.Core.Ledger.EntryCodec.Sign(TestServer.Measurement($"{1990 + i}-06", i), stopping.Us), token))
            .ToList();
        var folder = stopping.Folder;
        await stopping.StopServerAsync();
        var acknowledged = (await Task.WhenAll(posts)).OfType<ulong>().ToList();

        await using var reopened = await OutcomeLedger.Storage.LedgerFolder.OpenAsync(folder, TestContext.Current.CancellationToken);
        var latest = await reopened.Store.GetLatestCheckpointAsync(TestContext.Current.CancellationToken);
        foreach (var index in acknowledged)
        {
            Assert.True(index < latest!.Size, $"entry {index} was acknowledged but the log has {latest.Size} entries");
        }

        await stopping.DisposeAsync();
    }

    /// <summary>The acknowledged index, or null for a refusal or a connection closed by the stopping server.</summary>
    static async Task<ulong?> SafePostAsync(TestServer target, byte[] entry, string token)
    {
        try
        {
            using var response = await target.PostAsync("api/v1/measurements", entry, token);
            return response.StatusCode == HttpStatusCode.Created
                ? (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<OutcomeLedger.Api.Features.Entries.EntryAcknowledgement>(response.Content))!.Index
                : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    static string Normalise(string json) =>
        JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).ReplaceLineEndings("\n") + "\n";

    static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
