using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OutcomeLedger.Api.Features.Entries;
using OutcomeLedger.Core.Access;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Api.Tests.Features.Entries;

public sealed class EntryEndpointsTests(TestServer server) : IClassFixture<TestServer>
{
    string UsToken => server.Tokens[AccessRole.Party];

    [Fact]
    public async Task Post_ValidMeasurement_CreatedWithIndexAfterCommit()
    {
        var entry = EntryCodec.Sign(TestServer.Measurement("2026-02", 790m), server.Us);
        using var response = await server.PostAsync("api/v1/measurements", entry, UsToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var ack = await response.Content.ReadFromJsonAsync<EntryAcknowledgement>(TestContext.Current.CancellationToken);
        Assert.False(ack!.Duplicate);
        Assert.Equal($"/api/v1/entries/{ack.Index}", response.Headers.Location?.ToString());
        var ledger = server.Services.GetRequiredService<ServedLedger>();
        // Acknowledged only after commit: the store already holds the entry, under a checkpoint that covers it.
        var stored = await ledger.Store.ReadLeavesAsync(ack.Index, 1, TestContext.Current.CancellationToken);
        Assert.Equal(entry, stored.Single().Data);
        Assert.True(ack.CheckpointSize > ack.Index);
        Assert.True((await ledger.Store.GetLatestCheckpointAsync(TestContext.Current.CancellationToken))!.Size >= ack.CheckpointSize);
    }

    [Fact]
    public async Task Post_IdenticalResubmission_OkWithTheOriginalIndex()
    {
        var entry = EntryCodec.Sign(TestServer.Measurement("2026-03", 700m), server.Us);
        using var first = await server.PostAsync("api/v1/entries", entry, UsToken);
        using var again = await server.PostAsync("api/v1/entries", entry, UsToken);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var a = await first.Content.ReadFromJsonAsync<EntryAcknowledgement>(TestContext.Current.CancellationToken);
        var b = await again.Content.ReadFromJsonAsync<EntryAcknowledgement>(TestContext.Current.CancellationToken);
        Assert.Equal(a!.Index, b!.Index);
        Assert.True(b.Duplicate);
    }

    [Fact]
    public async Task Post_ConcurrentSubmissions_EachLoggedOnceInOneLog()
    {
        var entries = Enumerable.Range(1, 12).Select(i => EntryCodec.Sign(TestServer.Measurement($"2025-{i:D2}", 1000m + i), server.Us)).ToList();
        var responses = await Task.WhenAll(entries.Select(e => server.PostAsync("api/v1/measurements", e, UsToken)));
        var indices = new List<ulong>();
        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            indices.Add((await response.Content.ReadFromJsonAsync<EntryAcknowledgement>(TestContext.Current.CancellationToken))!.Index);
            response.Dispose();
        }

        Assert.Equal(indices.Count, indices.Distinct().Count());
    }

    [Fact]
    public async Task Post_UnknownIndicator_UnprocessableNamingTheField()
    {
        var record = TestServer.Measurement("2026-04", 1m) with { Indicator = new IndicatorId("no-such-indicator") };
        using var response = await server.PostAsync("api/v1/measurements", EntryCodec.Sign(record, server.Us), UsToken);
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("indicator", ProblemAssert.Fields(problem));
    }

    [Fact]
    public async Task Post_AttestingItsOwnMeasurement_UnprocessableNamingTheAuthor()
    {
        var record = new AttestationRecord { Author = TestServer.UsId, RecordedAt = TestServer.At, Measurement = server.UsMeasurement, Verdict = Verdict.Acknowledged };
        using var response = await server.PostAsync("api/v1/attestations", EntryCodec.Sign(record, server.Us), UsToken);
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("author", ProblemAssert.Fields(problem));
    }

    [Fact]
    public async Task Post_KindOtherThanTheEndpoints_UnprocessableNamingKind()
    {
        var entry = EntryCodec.Sign(TestServer.Measurement("2026-05", 1m), server.Us);
        using var response = await server.PostAsync("api/v1/statements", entry, UsToken);
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("kind", ProblemAssert.Fields(problem));
    }

    [Fact]
    public async Task Post_NotAnEnvelope_UnprocessableProblem()
    {
        using var response = await server.PostAsync("api/v1/entries", "{\"hello\":1}"u8.ToArray(), UsToken);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Post_BodyOverTheLimit_PayloadTooLargeProblem()
    {
        using var response = await server.PostAsync("api/v1/entries", new byte[200 * 1024], UsToken);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    /// <summary>Indices and sizes past what the log holds, up to 2^64−1, are not in the log: 404, never an overflow's 500.</summary>
    [Theory]
    [InlineData("api/v1/entries/9223372036854775807")]
    [InlineData("api/v1/entries/9223372036854775808")]
    [InlineData("api/v1/entries/18446744073709551615")]
    [InlineData("api/v1/entries/9223372036854775807/receipt")]
    [InlineData("api/v1/entries/18446744073709551615/receipt")]
    [InlineData("api/v1/scorecard?agreement=us-mx-security&at=9223372036854775808")]
    [InlineData("api/v1/scorecard?agreement=us-mx-security&at=18446744073709551615")]
    public async Task Get_IndexOrSizeBeyondTheSignedRange_NotFound(string path)
    {
        using var response = await server.Client.GetAsync(path, TestContext.Current.CancellationToken);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Problem_NeverEchoesTheToken()
    {
        using var response = await server.PostAsync("api/v1/entries", "{}"u8.ToArray(), "olt_deadbeef_secretsecretsecret");
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("secretsecret", body, StringComparison.Ordinal);
    }
}
