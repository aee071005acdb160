using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OutcomeLedger.Api.Tests.Features.Review;

/// <summary><c>GET /api/v1/review/{party}</c>: the session's review queue over HTTP (issue 13, Deliver 1).</summary>
public sealed class ReviewEndpointsTests : IAsyncLifetime
{
    readonly TestServer _server = new();

    public ValueTask InitializeAsync() => _server.InitializeAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_Counterparty_ListsTheUsValueWithItsEffect()
    {
        var queue = await _server.Client.GetFromJsonAsync<JsonElement>("api/v1/review/mx", Cancel);

        Assert.Equal(1, queue.GetProperty("count").GetInt32());
        var group = Assert.Single(queue.GetProperty("groups").EnumerateArray());
        Assert.Equal("sw-border-fentanyl-seizures", group.GetProperty("indicator").GetString());
        Assert.Equal(_server.UsMeasurement, group.GetProperty("values")[0].GetProperty("index").GetUInt64());
        Assert.Equal("reduce-fentanyl-flow", group.GetProperty("effect").GetProperty("commitment").GetString());
    }

    [Fact]
    public async Task Get_Reporter_Empty()
    {
        var queue = await _server.Client.GetFromJsonAsync<JsonElement>("api/v1/review/us", Cancel);

        Assert.Equal(0, queue.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Get_UnknownParty_NotFoundProblem()
    {
        using var response = await _server.Client.GetAsync("api/v1/review/nobody", Cancel);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("party 'nobody' is not registered", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
