using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OutcomeLedger.Core.Access;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Api.Tests.Features.SourceChecks;

/// <summary>
/// <c>POST /api/v1/source-checks</c>: a verifier re-derives an indicator's logged values from the published file it uploads,
/// through the session's source verification (issue 13, Deliver 3): matches verified, differences disputed with the
/// file's figure, signed with the verifier's delegated key; all or nothing; bad input names its field.
/// </summary>
public sealed class SourceCheckEndpointsTests : IAsyncLifetime
{
    readonly TestServer _server = new() { DelegateUsKey = true, DelegateVerifierKey = true };

    ulong _february;

    public async ValueTask InitializeAsync()
    {
        await _server.InitializeAsync();
        using var response = await _server.PostAsync("api/v1/measurements", EntryCodec.Sign(TestServer.Measurement("2026-02", 650m), _server.Us), _server.Tokens[AccessRole.Party]);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.IsSuccessStatusCode, body);
        _february = JsonDocument.Parse(body).RootElement.GetProperty("index").GetUInt64();
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    static CancellationToken Cancel => TestContext.Current.CancellationToken;

    const string Csv = "indicator=sw-border-fentanyl-seizures&format=csv&map=period=Month,value=Pounds&file=cbp-monthly.csv&url=https://www.cbp.gov/document/stats/nationwide-drug-seizures";

    async Task<HttpResponseMessage> CheckAsync(string file, string query, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/source-checks?" + query) { Content = new StringContent(file, Encoding.UTF8, "text/csv") };
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return await _server.Client.SendAsync(request, Cancel);
    }

    // Figures are exact decimals, written as strings.
    static decimal Number(JsonElement figure) => decimal.Parse(figure.GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    string Verifier => _server.Tokens[AccessRole.Verifier];

    [Fact]
    public async Task Post_VerifierCsv_VerifiesTheMatchAndDisputesTheDifferenceWithTheFilesFigure()
    {
        using var response = await CheckAsync("Month,Pounds\n2026-01,812.5\n2026-02,700\n", Csv, Verifier);
        var body = await response.Content.ReadAsStringAsync(Cancel);

        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var view = JsonDocument.Parse(body).RootElement;
        Assert.Equal("verified", view.GetProperty("verdict").GetString());
        Assert.True(view.GetProperty("attested").GetBoolean());
        var sha256 = view.GetProperty("files")[0].GetProperty("sha256").GetString();
        Assert.Equal(64, sha256!.Length);
        var checks = view.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("measurement").GetUInt64());
        Assert.Equal("matches", checks[_server.UsMeasurement].GetProperty("outcome").GetString());
        Assert.Equal("differs", checks[_february].GetProperty("outcome").GetString());
        Assert.Equal(700m, Number(checks[_february].GetProperty("derived")));

        var verified = await _server.Client.GetFromJsonAsync<JsonElement>($"api/v1/attestations/{checks[_server.UsMeasurement].GetProperty("attestation").GetUInt64()}", Cancel);
        Assert.Equal("gao", verified.GetProperty("record").GetProperty("author").GetString());
        Assert.Contains(sha256, verified.GetProperty("record").GetProperty("reason").GetString(), StringComparison.Ordinal);
        var disputed = await _server.Client.GetFromJsonAsync<JsonElement>($"api/v1/attestations/{checks[_february].GetProperty("attestation").GetUInt64()}", Cancel);
        Assert.Equal(700m, Number(disputed.GetProperty("record").GetProperty("figure")));
        var entry = await _server.Client.GetByteArrayAsync($"api/v1/entries/{checks[_february].GetProperty("attestation").GetUInt64()}", Cancel);
        Assert.True(EntryCodec.TryOpen(entry, out var envelope, out _, out var error), error);
        Assert.Equal(_server.Verifier.KeyId, envelope!.Signatures.Single().KeyId);
    }

    [Fact]
    public async Task Post_CbpFileAsPublished_ReadWithTheImportersSelection()
    {
        const string cbp = """
            FY,Month (abbv),Component,Region,Land Filter,Area of Responsibility,Drug Type,Count of Event,Sum Qty (lbs)
            2026 (FYTD),JAN,Office of Field Operations,Southwest Border,Land Only,SAN DIEGO FIELD OFFICE,Fentanyl,3,500
            2026 (FYTD),JAN,U.S. Border Patrol,Southwest Border,Land Only,SAN DIEGO SECTOR,Fentanyl,2,312.5
            2026 (FYTD),JAN,Office of Field Operations,Southwest Border,Land Only,SAN DIEGO FIELD OFFICE,Methamphetamine,9,4000
            2026 (FYTD),JAN,Office of Field Operations,Coastal/Interior,Other,ATLANTA FIELD OFFICE,Fentanyl,1,20
            """;

        using var response = await CheckAsync(cbp + "\n", "indicator=sw-border-fentanyl-seizures&format=cbp&drug=Fentanyl&region=Southwest%20Border&landFilter=Land%20Only&file=nationwide-drugs.csv&dryRun=true", Verifier);
        var body = await response.Content.ReadAsStringAsync(Cancel);

        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var view = JsonDocument.Parse(body).RootElement;
        Assert.False(view.GetProperty("attested").GetBoolean());
        var check = Assert.Single(view.GetProperty("checks").EnumerateArray());
        Assert.Equal(_server.UsMeasurement, check.GetProperty("measurement").GetUInt64());
        Assert.Equal("matches", check.GetProperty("outcome").GetString());
        Assert.Equal(812.5m, Number(check.GetProperty("derived")));
    }

    [Fact]
    public async Task Post_DryRun_ReportsAndAttestsNothing()
    {
        var before = await _server.Client.GetStringAsync("checkpoint", Cancel);

        using var response = await CheckAsync("Month,Pounds\n2026-01,812.5\n", Csv + "&dryRun=true", Verifier);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var check = Assert.Single(JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("checks").EnumerateArray());
        Assert.False(check.TryGetProperty("attestation", out var attestation) && attestation.ValueKind != JsonValueKind.Null);
        Assert.Equal(before, await _server.Client.GetStringAsync("checkpoint", Cancel));
    }

    [Fact]
    public async Task Post_BadRow_UnprocessableListingFileLineAndColumnAndNothingAttested()
    {
        var before = await _server.Client.GetStringAsync("checkpoint", Cancel);

        using var response = await CheckAsync("Month,Pounds\n2026-01,812.5\n2026-02,many\n", Csv, Verifier);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = Assert.Single(JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal("cbp-monthly.csv", error.GetProperty("file").GetString());
        Assert.Equal(3, error.GetProperty("line").GetInt32());
        Assert.Equal("Pounds", error.GetProperty("column").GetString());
        Assert.Equal(before, await _server.Client.GetStringAsync("checkpoint", Cancel));
    }

    [Fact]
    public async Task Post_ReporterChecksItsOwnValues_RefusedAndNothingAttested()
    {
        var before = await _server.Client.GetStringAsync("checkpoint", Cancel);

        using var response = await CheckAsync("Month,Pounds\n2026-01,812.5\n", Csv, _server.Tokens[AccessRole.Party]);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("cannot verify its own values", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await _server.Client.GetStringAsync("checkpoint", Cancel));
    }

    [Theory]
    [InlineData("format=csv&map=period=Month,value=Pounds", "indicator")]
    [InlineData("indicator=sw-border-fentanyl-seizures", "format")]
    [InlineData("indicator=sw-border-fentanyl-seizures&format=xlsx", "format")]
    [InlineData("indicator=sw-border-fentanyl-seizures&format=csv", "map")]
    [InlineData("indicator=sw-border-fentanyl-seizures&format=csv&map=value=Pounds", "map")]
    [InlineData("indicator=sw-border-fentanyl-seizures&format=cbp&region=Southwest%20Border", "drug")]
    [InlineData("indicator=sw-border-fentanyl-seizures&format=cbp&drug=Fentanyl&measure=kilos", "measure")]
    [InlineData("indicator=sw-border-fentanyl-seizures&format=cbp&drug=Fentanyl&groupBy=colour", "groupBy")]
    [InlineData("indicator=sw-border-fentanyl-seizures&format=csv&map=period=Month,value=Pounds&url=ftp://example.org/f.csv", "url")]
    public async Task Post_BadQuery_BadRequestNamingTheField(string query, string field)
    {
        using var response = await CheckAsync("Month,Pounds\n2026-01,812.5\n", query, Verifier);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([field], ProblemAssert.Fields(problem));
    }

    [Fact]
    public async Task Post_UnknownIndicator_NotFound()
    {
        using var response = await CheckAsync("Month,Pounds\n2026-01,812.5\n", "indicator=nothing-here&format=csv&map=period=Month,value=Pounds", Verifier);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Post_WithoutTokenOrDelegatedKey_Refused()
    {
        using var anonymous = await CheckAsync("Month,Pounds\n2026-01,812.5\n", Csv, null);
        await ProblemAssert.IsProblemAsync(anonymous, HttpStatusCode.Unauthorized);

        // Mexico has a token but delegated no key to this server: it cannot sign as anyone else either.
        using var undelegated = await CheckAsync("Month,Pounds\n2026-01,812.5\n", Csv, _server.MxToken);
        var problem = await ProblemAssert.IsProblemAsync(undelegated, HttpStatusCode.Forbidden);
        Assert.Contains("party 'mx' delegated no signing key", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
