using System.Net;
using System.Text;
using System.Text.Json;
using OutcomeLedger.Core.Access;

namespace OutcomeLedger.Api.Tests.Features.Imports;

/// <summary><c>POST /api/v1/imports</c>: the session's import through HTTP: all or nothing, the CLI's report, the token's party as author.</summary>
public sealed class ImportEndpointsTests : IAsyncLifetime
{
    readonly TestServer _server = new() { DelegateUsKey = true };

    public ValueTask InitializeAsync() => _server.InitializeAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    static CancellationToken Cancel => TestContext.Current.CancellationToken;

    async Task<HttpResponseMessage> ImportAsync(string csv, string query, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/imports?" + query) { Content = new StringContent(csv, Encoding.UTF8, "text/csv") };
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return await _server.Client.SendAsync(request, Cancel);
    }

    const string Query = "indicator=sw-border-fentanyl-seizures&map=period=Month,value=Pounds&dataset=CBP%20monthly&file=cbp.csv";

    [Fact]
    public async Task Post_ValidCsv_LogsEveryValueAndAnswersTheCliReport()
    {
        using var response = await ImportAsync("Month,Pounds\n2026-01,812.5\n2026-02,700\n2026-03,650.25\n", Query, _server.Tokens[AccessRole.Party]);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var report = JsonDocument.Parse(body);
        var root = report.RootElement;
        Assert.True(root.GetProperty("imported").GetBoolean());
        Assert.Equal(2, root.GetProperty("new").GetInt32());
        Assert.Equal(1, root.GetProperty("unchanged").GetInt32());
        Assert.Equal("cbp.csv", root.GetProperty("files")[0].GetProperty("file").GetString());
        var measurements = root.GetProperty("measurements");
        Assert.Equal(["2026-02", "2026-03"], measurements.EnumerateArray().Select(m => m.GetProperty("measurement").GetProperty("period").GetString()));
        Assert.All(measurements.EnumerateArray(), m => Assert.Equal("us", m.GetProperty("measurement").GetProperty("author").GetString()));

        var listed = await _server.Client.GetStringAsync("api/v1/measurements?indicator=sw-border-fentanyl-seizures", Cancel);
        Assert.Contains("\"period\":\"2026-03\"", listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_OneBadRow_ImportsNothingAndNamesFileLineAndColumn()
    {
        var before = await _server.Client.GetStringAsync("checkpoint", Cancel);
        using var response = await ImportAsync("Month,Pounds\n2026-02,700\n2026-13,1\n2026-03,-5\n", Query, _server.Tokens[AccessRole.Party]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.False(report.RootElement.GetProperty("imported").GetBoolean());
        var errors = report.RootElement.GetProperty("errors").EnumerateArray().ToList();
        Assert.Contains(errors, e => e.GetProperty("file").GetString() == "cbp.csv" && e.GetProperty("line").GetInt32() == 3 && e.GetProperty("column").GetString() == "Month");
        Assert.Contains(errors, e => e.GetProperty("line").GetInt32() == 4);
        Assert.Equal(before, await _server.Client.GetStringAsync("checkpoint", Cancel));
    }

    [Fact]
    public async Task Post_DryRun_ReportsAndWritesNothing()
    {
        var before = await _server.Client.GetStringAsync("checkpoint", Cancel);
        using var response = await ImportAsync("Month,Pounds\n2026-02,700\n", Query + "&dryRun=true", _server.Tokens[AccessRole.Party]);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.True(report.RootElement.GetProperty("dryRun").GetBoolean());
        Assert.Equal(1, report.RootElement.GetProperty("new").GetInt32());
        Assert.Equal(before, await _server.Client.GetStringAsync("checkpoint", Cancel));
    }

    [Fact]
    public async Task Post_NoToken_Unauthorized()
    {
        using var response = await ImportAsync("Month,Pounds\n2026-02,700\n", Query, null);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Post_PartyWithoutADelegatedKey_ForbiddenSayingWhy()
    {
        // The verifier's token: a verifier writes no measurements at all.
        using var verifier = await ImportAsync("Month,Pounds\n2026-02,700\n", Query, _server.Tokens[AccessRole.Verifier]);
        await ProblemAssert.IsProblemAsync(verifier, HttpStatusCode.Forbidden);

        // The operator may write measurements, but delegated no key.
        using var admin = await ImportAsync("Month,Pounds\n2026-02,700\n", Query, _server.Tokens[AccessRole.Admin]);
        var problem = await ProblemAssert.IsProblemAsync(admin, HttpStatusCode.Forbidden);
        Assert.Contains("delegated no signing key", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>The upload reader and csv options the source checks use: several files in one multipart upload, day dates summed per month.</summary>
    [Fact]
    public async Task Post_TwoFilesWithDayDates_OneImportOfBoth()
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Date,Pounds\n2026-02-03,500\n2026-02-20,200\n", Encoding.UTF8, "text/csv"), "files", "part1.csv" },
            { new StringContent("Date,Pounds\n2026-03-10,650.25\n", Encoding.UTF8, "text/csv"), "files", "part2.csv" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/imports?indicator=sw-border-fentanyl-seizures&map=period=Date,value=Pounds&dataset=CBP%20monthly&periodFromDate=true&aggregate=sum") { Content = form };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _server.Tokens[AccessRole.Party]);

        using var response = await _server.Client.SendAsync(request, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);

        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var root = JsonDocument.Parse(body).RootElement;
        Assert.Equal(["part1.csv", "part2.csv"], root.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("file").GetString()));
        Assert.Equal(
            [("2026-02", "700"), ("2026-03", "650.25")],
            root.GetProperty("measurements").EnumerateArray().Select(m => (m.GetProperty("measurement").GetProperty("period").GetString(), m.GetProperty("measurement").GetProperty("value").GetString())));
    }

    [Theory]
    [InlineData("&aggregate=sum&cumulative=true", "cumulative")]
    [InlineData("&aggregate=avg", "aggregate")]
    [InlineData("&where=metric", "where")]
    public async Task Post_BadCsvOption_BadRequestNamingItAndNothingLogged(string option, string field)
    {
        var before = await _server.Client.GetStringAsync("checkpoint", Cancel);

        using var response = await ImportAsync("Month,Pounds\n2026-02,700\n", Query + option, _server.Tokens[AccessRole.Party]);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([field], ProblemAssert.Fields(problem));
        Assert.Equal(before, await _server.Client.GetStringAsync("checkpoint", Cancel));
    }

    [Fact]
    public async Task Post_UnknownIndicatorOrBadMap_NamesTheParameter()
    {
        using var unknown = await ImportAsync("Month,Pounds\n2026-02,700\n", Query.Replace("sw-border-fentanyl-seizures", "nope", StringComparison.Ordinal), _server.Tokens[AccessRole.Party]);
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound);
        using var badMap = await ImportAsync("Month,Pounds\n2026-02,700\n", "indicator=sw-border-fentanyl-seizures&map=value&dataset=x", _server.Tokens[AccessRole.Party]);
        var problem = await ProblemAssert.IsProblemAsync(badMap, HttpStatusCode.BadRequest);
        Assert.Equal("map", problem.GetProperty("errors")[0].GetProperty("field").GetString());
    }
}
