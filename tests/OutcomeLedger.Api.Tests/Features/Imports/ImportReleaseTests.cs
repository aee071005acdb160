using System.Net;
using System.Text;
using System.Text.Json;
using OutcomeLedger.Core.Access;

namespace OutcomeLedger.Api.Tests.Features.Imports;

/// <summary>
/// <c>POST /api/v1/imports?release=</c>: a newer release of the source re-imported records changed values as corrections
/// and answers the revision report of <c>outcomes import … --release</c> (issue 13, Deliver 7).
/// </summary>
public sealed class ImportReleaseTests : IAsyncLifetime
{
    readonly TestServer _server = new() { DelegateUsKey = true };

    public ValueTask InitializeAsync() => _server.InitializeAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    static CancellationToken Cancel => TestContext.Current.CancellationToken;

    const string Query = "indicator=sw-border-fentanyl-seizures&map=period=Month,value=Pounds&dataset=CBP%20monthly&file=cbp.csv";

    async Task<HttpResponseMessage> ImportAsync(string csv, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/imports?" + query) { Content = new StringContent(csv, Encoding.UTF8, "text/csv") };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _server.Tokens[AccessRole.Party]);
        return await _server.Client.SendAsync(request, Cancel);
    }

    [Fact]
    public async Task Post_NewerRelease_RecordsTheReleaseAndReportsAddedChangedUnchangedAndTheLargestRevision()
    {
        using (var first = await ImportAsync("Month,Pounds\n2026-01,812.5\n2026-02,700\n", Query + "&release=2026-07-14"))
        {
            Assert.True(first.StatusCode == HttpStatusCode.OK, await first.Content.ReadAsStringAsync(Cancel));
        }

        using var response = await ImportAsync("Month,Pounds\n2026-01,812.5\n2026-02,770\n2026-03,650\n", Query + "&release=2026-08-14");
        var body = await response.Content.ReadAsStringAsync(Cancel);

        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var report = JsonDocument.Parse(body);
        var revisions = report.RootElement.GetProperty("revisions");
        Assert.Equal("2026-08-14", revisions.GetProperty("release").GetString());
        Assert.Equal(1, revisions.GetProperty("added").GetInt32());
        Assert.Equal(1, revisions.GetProperty("changed").GetInt32());
        Assert.Equal(1, revisions.GetProperty("unchanged").GetInt32());
        var largest = Assert.Single(revisions.GetProperty("largest").EnumerateArray());
        Assert.Equal("2026-02", largest.GetProperty("period").GetString());
        Assert.Equal("700", largest.GetProperty("previous").GetString());
        Assert.Equal("770", largest.GetProperty("value").GetString());

        var listed = await _server.Client.GetStringAsync("api/v1/measurements?indicator=sw-border-fentanyl-seizures", Cancel);
        Assert.Contains("\"release\":\"2026-08-14\"", listed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("14/11/2026")]
    [InlineData("2026-11")]
    [InlineData("2026-02-30")]
    public async Task Post_BadReleaseDate_BadRequestNamingItAndNothingLogged(string release)
    {
        var before = await _server.Client.GetStringAsync("checkpoint", Cancel);

        using var response = await ImportAsync("Month,Pounds\n2026-02,700\n", Query + "&release=" + Uri.EscapeDataString(release));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["release"], ProblemAssert.Fields(problem));
        Assert.Equal(before, await _server.Client.GetStringAsync("checkpoint", Cancel));
    }
}
