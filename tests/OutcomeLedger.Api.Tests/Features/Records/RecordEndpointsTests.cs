using System.Net;
using System.Text.Json;

namespace OutcomeLedger.Api.Tests.Features.Records;

public sealed class RecordEndpointsTests(TestServer server) : IClassFixture<TestServer>
{
    async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await server.Client.GetAsync(path, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Theory]
    [InlineData("api/v1/parties", 4)]
    [InlineData("api/v1/parties?role=verifier", 1)]
    [InlineData("api/v1/statements?party=mx", 1)]
    [InlineData("api/v1/commitments?agreement=us-mx-security", 1)]
    [InlineData("api/v1/commitments?agreement=other", 0)]
    [InlineData("api/v1/indicators?commitment=reduce-fentanyl-flow", 1)]
    [InlineData("api/v1/measurements?indicator=sw-border-fentanyl-seizures&current=true", 1)]
    [InlineData("api/v1/measurements?author=mx", 0)]
    [InlineData("api/v1/attestations", 0)]
    [InlineData("api/v1/attestations?verdict=verification-failed", 0)]
    public async Task List_WithFilters_CountsTheMatchingRecords(string path, int total)
    {
        var page = await GetJsonAsync(path);
        Assert.Equal(total, page.GetProperty("total").GetInt32());
        Assert.Equal(total, page.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task List_Paged_ReturnsTheRequestedSlice()
    {
        var page = await GetJsonAsync("api/v1/parties?offset=1&limit=2");
        var ids = page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToList();
        Assert.Equal(["us", "mx"], ids);
        Assert.Equal(4, page.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("api/v1/parties?limit=501", "limit")]
    [InlineData("api/v1/parties?limit=0", "limit")]
    [InlineData("api/v1/statements?offset=-1", "offset")]
    [InlineData("api/v1/parties?role=king", "role")]
    [InlineData("api/v1/attestations?verdict=maybe", "verdict")]
    public async Task List_PageOutOfBounds_BadRequestNamingTheField(string path, string field)
    {
        using var response = await server.Client.GetAsync(path, TestContext.Current.CancellationToken);
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(field, ProblemAssert.Fields(problem));
    }

    [Fact]
    public async Task List_FilterTooLong_BadRequest()
    {
        using var response = await server.Client.GetAsync("api/v1/statements?party=" + new string('a', 300), TestContext.Current.CancellationToken);
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("party", ProblemAssert.Fields(problem));
    }

    [Fact]
    public async Task Get_Commitment_ReturnsTheRecordWithItsEntry()
    {
        var view = await GetJsonAsync("api/v1/commitments/reduce-fentanyl-flow");
        Assert.Equal("reduce-fentanyl-flow", view.GetProperty("record").GetProperty("id").GetString());
        Assert.Equal(64, view.GetProperty("leafHash").GetString()!.Length);
    }

    [Fact]
    public async Task Get_Measurement_ByLogIndex()
    {
        var view = await GetJsonAsync($"api/v1/measurements/{server.UsMeasurement}");
        Assert.Equal("812.5", view.GetProperty("record").GetProperty("value").GetString());
    }

    [Theory]
    [InlineData("api/v1/parties/nobody")]
    [InlineData("api/v1/statements/nothing")]
    [InlineData("api/v1/commitments/nothing")]
    [InlineData("api/v1/indicators/nothing")]
    [InlineData("api/v1/measurements/0")]
    [InlineData("api/v1/attestations/0")]
    [InlineData("api/v1/entries/99999")]
    [InlineData("api/v1/no-such-endpoint")]
    public async Task Get_Missing_NotFoundProblem(string path)
    {
        using var response = await server.Client.GetAsync(path, TestContext.Current.CancellationToken);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("json", "application/json")]
    [InlineData("html", "text/html")]
    [InlineData("md", "text/markdown")]
    public async Task Scorecard_EachFormat_RenderedForTheAgreement(string format, string mediaType)
    {
        using var response = await server.Client.GetAsync($"api/v1/scorecard?agreement=us-mx-security&format={format}&lang=es", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Significantly reduce the flow of fentanyl", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api/v1/scorecard", HttpStatusCode.BadRequest)]
    [InlineData("api/v1/scorecard?agreement=us-mx-security&format=pdf", HttpStatusCode.BadRequest)]
    [InlineData("api/v1/scorecard?agreement=us-mx-security&lang=fr", HttpStatusCode.BadRequest)]
    [InlineData("api/v1/scorecard?agreement=nope", HttpStatusCode.NotFound)]
    [InlineData("api/v1/scorecard?agreement=us-mx-security&at=4", HttpStatusCode.NotFound)]
    public async Task Scorecard_BadQuery_Problem(string path, HttpStatusCode status)
    {
        using var response = await server.Client.GetAsync(path, TestContext.Current.CancellationToken);
        await ProblemAssert.IsProblemAsync(response, status);
    }

    [Fact]
    public async Task Scorecard_AtAnEarlierCheckpoint_StampedWithIt()
    {
        var scorecard = await GetJsonAsync("api/v1/scorecard?agreement=us-mx-security&at=8");
        Assert.Contains("\"size\":8", scorecard.GetRawText(), StringComparison.Ordinal);
    }
}
