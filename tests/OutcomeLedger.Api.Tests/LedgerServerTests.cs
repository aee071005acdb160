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
        foreach (var collection in OutcomeLedger.Api.Features.Entries.EntryEndpoints.CollectionByKind.Values.Append("entries"))
        {
            Assert.NotNull(paths["/api/" + collection]?["post"]);
        }
    }

    static string Normalise(string json) =>
        JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).ReplaceLineEndings("\n") + "\n";

    static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
