using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OutcomeLedger.Core.Access;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Api.Tests.Features.Attestations;

/// <summary><c>POST /api/v1/attestations/by-period</c>: the session's attestation by period over HTTP, all or nothing (issue 13, Deliver 2).</summary>
public sealed class PeriodAttestationEndpointTests : IAsyncLifetime
{
    readonly TestServer _server = new() { DelegateUsKey = true, DelegateMxKey = true };

    public async ValueTask InitializeAsync()
    {
        await _server.InitializeAsync();
        foreach (var (period, value) in new[] { ("2026-02", 700m), ("2026-03", 650m) })
        {
            using var response = await _server.PostAsync("api/v1/measurements", EntryCodec.Sign(TestServer.Measurement(period, value), _server.Us), _server.Tokens[AccessRole.Party]);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Cancel));
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    static CancellationToken Cancel => TestContext.Current.CancellationToken;

    async Task<HttpResponseMessage> AttestAsync(object body, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/attestations/by-period") { Content = JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return await _server.Client.SendAsync(request, Cancel);
    }

    [Fact]
    public async Task Post_CounterpartyRange_AcknowledgesEveryValueSignedByItsDelegatedKey()
    {
        using var response = await AttestAsync(new { indicator = "sw-border-fentanyl-seizures", from = "2026-01", to = "2026-03", verdict = "acknowledged" }, _server.MxToken);
        var body = await response.Content.ReadAsStringAsync(Cancel);

        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        var attested = json.RootElement.GetProperty("attested").EnumerateArray().ToList();
        Assert.Equal(["2026-01", "2026-02", "2026-03"], attested.Select(a => a.GetProperty("period").GetString()));
        foreach (var a in attested)
        {
            var attestation = await _server.Client.GetFromJsonAsync<JsonElement>($"api/v1/attestations/{a.GetProperty("attestation").GetUInt64()}", Cancel);
            Assert.Equal("mx", attestation.GetProperty("record").GetProperty("author").GetString());
            Assert.Equal(a.GetProperty("measurement").GetUInt64(), attestation.GetProperty("record").GetProperty("measurement").GetUInt64());
        }
    }

    [Fact]
    public async Task Post_ReportersOwnValues_UnprocessableAndNothingLogged()
    {
        var before = await _server.Client.GetStringAsync("checkpoint", Cancel);

        using var response = await AttestAsync(new { indicator = "sw-border-fentanyl-seizures", from = "2026-01", to = "2026-03", verdict = "acknowledged" }, _server.Tokens[AccessRole.Party]);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("cannot attest to its own values", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await _server.Client.GetStringAsync("checkpoint", Cancel));
    }

    [Fact]
    public async Task Post_RangeWithNoValues_NotFoundAndNothingLogged()
    {
        var before = await _server.Client.GetStringAsync("checkpoint", Cancel);

        using var response = await AttestAsync(new { indicator = "sw-border-fentanyl-seizures", from = "2025-01", to = "2025-06", verdict = "acknowledged" }, _server.MxToken);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("no current values from 2025-01 to 2025-06", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await _server.Client.GetStringAsync("checkpoint", Cancel));
    }

    [Theory]
    [InlineData("from", "2026-13", "acknowledged", null)]
    [InlineData("verdict", "2026-01", "nodded", null)]
    [InlineData("figure", "2026-01", "disputed", "1,2")]
    public async Task Post_BadField_BadRequestNamingIt(string field, string from, string verdict, string? figure)
    {
        using var response = await AttestAsync(new { indicator = "sw-border-fentanyl-seizures", from, to = "2026-03", verdict, figure, reason = "count" }, _server.MxToken);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(field, problem.GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task Post_WithoutTokenOrDelegatedKey_Refused()
    {
        using var anonymous = await AttestAsync(new { indicator = "sw-border-fentanyl-seizures", from = "2026-01", to = "2026-03", verdict = "verified" }, null);
        await ProblemAssert.IsProblemAsync(anonymous, HttpStatusCode.Unauthorized);

        using var verifier = await AttestAsync(new { indicator = "sw-border-fentanyl-seizures", from = "2026-01", to = "2026-03", verdict = "verified" }, _server.Tokens[AccessRole.Verifier]);
        var problem = await ProblemAssert.IsProblemAsync(verifier, HttpStatusCode.Forbidden);
        Assert.Contains("delegated no signing key", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
