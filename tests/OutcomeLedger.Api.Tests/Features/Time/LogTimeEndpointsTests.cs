using System.Net;
using System.Text.Json;
using OutcomeLedger.Core.Access;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Api.Tests.Features.Time;

/// <summary>
/// Issue 12, why 2, through the API: a statement POSTed with "recordedAt": "2031-06-30T00:00:00Z" was accepted and
/// moved the scorecard's "as of" to 2031-06-30; measurements dated 2099-12-31 or 1970, or for period 2099-01, were
/// accepted too. The log's clock (the server's) now decides, and the scorecard is as of its checkpoint's log time.
/// </summary>
public sealed class LogTimeEndpointsTests : IAsyncLifetime
{
    readonly TestServer _server = new();

    string UsToken => _server.Tokens[AccessRole.Party];

    static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => _server.InitializeAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Post_StatementRecordedAt2031_UnprocessableNamingRecordedAtAndTheScorecardKeepsTheLogsDate()
    {
        var statement = new StatementRecord
        {
            Author = TestServer.UsId,
            RecordedAt = new DateTimeOffset(2031, 6, 30, 0, 0, 0, TimeSpan.Zero),
            Id = new StatementId("future-statement"),
            Date = new DateOnly(2026, 1, 20),
            Title = "A statement from the future",
            Parties = [TestServer.UsId],
            StatementKind = StatementKind.PressRelease,
            SourceUrl = "https://www.state.gov/future",
        };

        using var response = await _server.PostAsync("api/v1/statements", EntryCodec.Sign(statement, _server.Us), UsToken);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("recordedAt", ProblemAssert.Fields(problem));
        Assert.Equal("2026-09-01", await AsOfAsync());
    }

    [Theory]
    [InlineData("2099-12-31T00:00:00Z", "2026-05", "recordedAt")]
    [InlineData("1970-01-01T00:00:00Z", "2026-05", "recordedAt")]
    [InlineData(null, "2099-01", "period")]
    public async Task Post_MeasurementOutOfTheLogsTime_UnprocessableNamingTheField(string? recordedAt, string period, string field)
    {
        var measurement = TestServer.Measurement(period, 640m) with
        {
            RecordedAt = recordedAt is null ? TestServer.At : DateTimeOffset.Parse(recordedAt, System.Globalization.CultureInfo.InvariantCulture),
        };

        using var response = await _server.PostAsync("api/v1/measurements", EntryCodec.Sign(measurement, _server.Us), UsToken);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal([field], ProblemAssert.Fields(problem));
    }

    [Fact]
    public async Task Scorecard_AsOf_IsTheCheckpointsLogTimeAsTheClockMoves()
    {
        Assert.Equal("2026-09-01", await AsOfAsync());

        // A week later by the server's clock, a value recorded now: the next checkpoint's log time dates the scorecard.
        _server.Clock.Advance(TimeSpan.FromDays(7));
        var measurement = TestServer.Measurement("2026-08", 640m) with { RecordedAt = _server.Clock.GetUtcNow() };
        using var response = await _server.PostAsync("api/v1/measurements", EntryCodec.Sign(measurement, _server.Us), UsToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        Assert.Equal("2026-09-08", await AsOfAsync());
    }

    async Task<string?> AsOfAsync()
    {
        using var response = await _server.Client.GetAsync(new Uri($"api/v1/scorecard?agreement={TestServer.Agreement}", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        return json.RootElement.GetProperty("asOf").GetString();
    }
}
