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

    /// <summary>Several published files in one multipart/form-data upload, each part named by its file name.</summary>
    async Task<HttpResponseMessage> CheckFilesAsync(string query, string? token, params (string Name, string Content)[] files)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, content) in files)
        {
            form.Add(new StringContent(content, Encoding.UTF8, "text/csv"), "files", name);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/source-checks?" + query) { Content = form };
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
    [InlineData("indicator=sw-border-fentanyl-seizures&format=csv&map=period=Month,value=Pounds&aggregate=median", "aggregate")]
    [InlineData("indicator=sw-border-fentanyl-seizures&format=csv&map=period=Month,value=Pounds&aggregate=sum&cumulative=true", "cumulative")]
    [InlineData("indicator=sw-border-fentanyl-seizures&format=csv&map=period=Month,value=Pounds&where=Metric", "where")]
    [InlineData("indicator=sw-border-fentanyl-seizures&format=csv&map=period=Month,value=Pounds&where=Metric=a&where=Metric=b", "where")]
    public async Task Post_BadQuery_BadRequestNamingTheField(string query, string field)
    {
        using var response = await CheckAsync("Month,Pounds\n2026-01,812.5\n", query, Verifier);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([field], ProblemAssert.Fields(problem));
    }

    /// <summary>
    /// Issue 13, Deliver 3: CBP publishes one series in two files; both go in one request, with the csv options of
    /// <c>outcomes verify-source csv</c> (day dates summed per month), and each verdict's reason names its own file.
    /// </summary>
    [Fact]
    public async Task Post_TwoFilesWithDayDates_OneCheckOfBothSummedByMonth()
    {
        using var response = await CheckFilesAsync(
            "indicator=sw-border-fentanyl-seizures&format=csv&map=period=Date,value=Pounds&periodFromDate=true&aggregate=sum", Verifier,
            ("fy26-part1.csv", "Date,Pounds\n2026-01-03,500\n2026-01-20,312.5\n"),
            ("fy26-part2.csv", "Date,Pounds\n2026-02-10,650\n"));
        var body = await response.Content.ReadAsStringAsync(Cancel);

        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var view = JsonDocument.Parse(body).RootElement;
        Assert.Equal(["fy26-part1.csv", "fy26-part2.csv"], view.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("file").GetString()));
        var checks = view.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("measurement").GetUInt64());
        Assert.Equal(("matches", 812.5m), (checks[_server.UsMeasurement].GetProperty("outcome").GetString(), Number(checks[_server.UsMeasurement].GetProperty("derived"))));
        Assert.Equal(("matches", 650m), (checks[_february].GetProperty("outcome").GetString(), Number(checks[_february].GetProperty("derived"))));
        var february = await _server.Client.GetFromJsonAsync<JsonElement>($"api/v1/attestations/{checks[_february].GetProperty("attestation").GetUInt64()}", Cancel);
        Assert.Contains("fy26-part2.csv", february.GetProperty("record").GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    /// <summary>A running total (kept with ?where= from a long file) is checked as its monthly flows, as <c>--cumulative</c> reads it.</summary>
    [Fact]
    public async Task Post_CumulativeWithWhere_ChecksTheMonthlyFlows()
    {
        const string totals = "Date,Metric,Total\n2025-12-31,fentanyl,1000\n2025-12-31,labs,7\n2026-01-15,fentanyl,1500\n2026-01-31,fentanyl,1812.5\n2026-02-28,fentanyl,2462.5\n";

        using var response = await CheckAsync(totals,
            "indicator=sw-border-fentanyl-seizures&format=csv&map=period=Date,value=Total&where=Metric=fentanyl&periodFromDate=true&aggregate=last&cumulative=true&dryRun=true&file=totals.csv", Verifier);
        var body = await response.Content.ReadAsStringAsync(Cancel);

        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var checks = JsonDocument.Parse(body).RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("measurement").GetUInt64());
        Assert.Equal(812.5m, Number(checks[_server.UsMeasurement].GetProperty("derived")));
        Assert.Equal(650m, Number(checks[_february].GetProperty("derived")));
        Assert.All(checks.Values, c => Assert.Equal("matches", c.GetProperty("outcome").GetString()));
    }

    /// <summary>A bad row in the second file: the whole request attests nothing, and the error names that file, line and column.</summary>
    [Fact]
    public async Task Post_TwoFilesOneBad_NothingAttestedAndTheErrorNamesTheSecondFile()
    {
        var before = await _server.Client.GetStringAsync("checkpoint", Cancel);

        using var response = await CheckFilesAsync(Csv.Replace("&file=cbp-monthly.csv", "", StringComparison.Ordinal), Verifier,
            ("january.csv", "Month,Pounds\n2026-01,812.5\n"),
            ("february.csv", "Month,Pounds\n2026-02,lots\n"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = Assert.Single(JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal(("february.csv", 2, "Pounds"), (error.GetProperty("file").GetString(), error.GetProperty("line").GetInt32(), error.GetProperty("column").GetString()));
        Assert.Equal(before, await _server.Client.GetStringAsync("checkpoint", Cancel));
    }

    [Fact]
    public async Task Post_TooManyOrRepeatedFiles_BadRequestNamingFilesAndNothingAttested()
    {
        var before = await _server.Client.GetStringAsync("checkpoint", Cancel);
        const string query = "indicator=sw-border-fentanyl-seizures&format=csv&map=period=Month,value=Pounds";

        using var tooMany = await CheckFilesAsync(query, Verifier, [.. Enumerable.Range(1, 9).Select(i => ($"part{i}.csv", "Month,Pounds\n2026-01,812.5\n"))]);
        var problem = await ProblemAssert.IsProblemAsync(tooMany, HttpStatusCode.BadRequest);
        Assert.Equal(["files"], ProblemAssert.Fields(problem));
        Assert.Contains("at most 8 files", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var twice = await CheckFilesAsync(query, Verifier, ("a.csv", "Month,Pounds\n2026-01,812.5\n"), ("a.csv", "Month,Pounds\n2026-02,650\n"));
        problem = await ProblemAssert.IsProblemAsync(twice, HttpStatusCode.BadRequest);
        Assert.Equal(["files"], ProblemAssert.Fields(problem));
        Assert.Contains("file 'a.csv' is given twice", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var named = await CheckFilesAsync(query + "&file=b.csv", Verifier, ("a.csv", "Month,Pounds\n2026-01,812.5\n"));
        Assert.Equal(["file"], ProblemAssert.Fields(await ProblemAssert.IsProblemAsync(named, HttpStatusCode.BadRequest)));
        Assert.Equal(before, await _server.Client.GetStringAsync("checkpoint", Cancel));
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
