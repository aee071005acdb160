using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OutcomeLedger.Api.Features.Health;
using OutcomeLedger.Api.Submissions;

namespace OutcomeLedger.Api.Tests.Features.Health;

/// <summary>/healthz and /readyz on a real SQLite ledger served by Kestrel.</summary>
public sealed class HealthEndpointsTests(TestServer server) : IClassFixture<TestServer>
{
    static CancellationToken Cancel => TestContext.Current.CancellationToken;

    static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore, "health answers are never cached");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.Clone();
    }

    [Fact]
    public async Task Healthz_Alive()
    {
        using var response = await server.Client.GetAsync("healthz", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("alive", (await JsonAsync(response)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readyz_DatabaseAnswersAndNothingWaits_Ready()
    {
        using var response = await server.Client.GetAsync("readyz", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await JsonAsync(response);
        Assert.Equal("ready", json.GetProperty("status").GetString());
        Assert.True(json.GetProperty("database").GetProperty("ok").GetBoolean());
        Assert.True(json.GetProperty("database").GetProperty("milliseconds").GetDouble() >= 0);
        Assert.True(json.GetProperty("sequencer").GetProperty("ok").GetBoolean());
        Assert.Equal(0, json.GetProperty("sequencer").GetProperty("waiting").GetInt32());
        Assert.True(json.GetProperty("checkpoint").GetProperty("unchangedSeconds").GetDouble() >= 0);
        // Open on a private ledger too, so it shows no ledger data: not even the log's size.
        Assert.DoesNotContain("size", json.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Readyz_DatabaseGone_NotReady503NamingNoSecret()
    {
        await using var gone = new TestServer();
        await gone.InitializeAsync();
        await gone.Services.GetRequiredService<ServedLedger>().Store.DisposeAsync();

        using var response = await gone.Client.GetAsync("readyz", Cancel);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var json = await JsonAsync(response);
        Assert.Equal("not ready", json.GetProperty("status").GetString());
        Assert.False(json.GetProperty("database").GetProperty("ok").GetBoolean());
        Assert.StartsWith("the database could not be read (", json.GetProperty("database").GetProperty("error").GetString(), StringComparison.Ordinal);
        using var alive = await gone.Client.GetAsync("healthz", Cancel);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    [Fact]
    public async Task HealthAndReady_PrivateLedgerWithoutToken_Answered()
    {
        await using var hidden = new TestServer { Private = true };
        await hidden.InitializeAsync();

        using var alive = await hidden.Client.GetAsync("healthz", Cancel);
        using var ready = await hidden.Client.GetAsync("readyz", Cancel);
        using var other = await hidden.Client.GetAsync("readyz/x", Cancel);

        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
    }

    [Fact]
    public void Backlog_AnEntryWaitingPastMaxWait_SequencerNotKeepingUp()
    {
        var time = new FakeTimeProvider();
        var backlog = new SubmissionBacklog(time);
        var database = new HealthEndpoints.DatabaseCheck(true, 1, null);

        using (backlog.Enter())
        {
            time.Advance(TimeSpan.FromSeconds(10));
            using var later = backlog.Enter();
            time.Advance(HealthEndpoints.MaxWait - TimeSpan.FromSeconds(10));
            var (waiting, oldest) = backlog.Measure();
            Assert.Equal(2, waiting);
            Assert.Equal(HealthEndpoints.MaxWait, oldest);
            Assert.Equal("ready", HealthEndpoints.Judge(database, waiting, oldest, null).Status);

            time.Advance(TimeSpan.FromSeconds(1));
            (waiting, oldest) = backlog.Measure();
            var report = HealthEndpoints.Judge(database, waiting, oldest, null);
            Assert.Equal("not ready", report.Status);
            Assert.False(report.Sequencer.Ok);
            Assert.Equal(31, report.Sequencer.OldestWaitSeconds);
        }

        Assert.Equal((0, TimeSpan.Zero), backlog.Measure());
    }

    [Fact]
    public async Task Readyz_MaxCheckpointAge_FailsOnlyWhileEntriesWaitBehindAnOldCheckpoint()
    {
        await using var aged = new TestServer { MaxCheckpointAge = TimeSpan.FromMinutes(5) };
        await aged.InitializeAsync();
        // The fixture's checkpoint was signed at the clock's time; ten minutes later nothing waits: a quiet log is ready.
        aged.Clock.Advance(TimeSpan.FromMinutes(10));

        using (var quiet = await aged.Client.GetAsync("readyz", Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, quiet.StatusCode);
            var json = await JsonAsync(quiet);
            Assert.Equal(600, json.GetProperty("checkpoint").GetProperty("ageSeconds").GetDouble());
            Assert.Equal(300, json.GetProperty("checkpoint").GetProperty("maxAgeSeconds").GetDouble());
            Assert.True(json.GetProperty("checkpoint").GetProperty("ok").GetBoolean());
            Assert.False(json.TryGetProperty("reasons", out _));
        }

        // An entry waits (just now, so the sequencer's own wait check holds) behind a checkpoint ten minutes old.
        using (aged.Services.GetRequiredService<SubmissionBacklog>().Enter())
        {
            using var stale = await aged.Client.GetAsync("readyz", Cancel);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, stale.StatusCode);
            var json = await JsonAsync(stale);
            Assert.Equal("not ready", json.GetProperty("status").GetString());
            Assert.True(json.GetProperty("sequencer").GetProperty("ok").GetBoolean());
            Assert.False(json.GetProperty("checkpoint").GetProperty("ok").GetBoolean());
            var reason = Assert.Single(json.GetProperty("reasons").EnumerateArray()).GetString();
            Assert.Equal("checkpoint: the latest was signed 600 s ago (more than --max-checkpoint-age 300 s) while 1 entries wait", reason);
        }

        using var drained = await aged.Client.GetAsync("readyz", Cancel);
        Assert.Equal(HttpStatusCode.OK, drained.StatusCode);
    }

    [Fact]
    public void Judge_CheckpointYoungerThanTheBound_ReadyWhileEntriesWait()
    {
        var database = new HealthEndpoints.DatabaseCheck(true, 1, null);

        var young = HealthEndpoints.Judge(database, 3, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(40), TimeSpan.FromMinutes(1));
        var old = HealthEndpoints.Judge(database, 3, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(61), TimeSpan.FromSeconds(61), TimeSpan.FromMinutes(1));
        var unbounded = HealthEndpoints.Judge(database, 3, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1), TimeSpan.FromDays(1));

        Assert.Equal("ready", young.Status);
        Assert.Equal("not ready", old.Status);
        Assert.StartsWith("checkpoint: the latest was signed 61 s ago", Assert.Single(old.Reasons!), StringComparison.Ordinal);
        Assert.Equal("ready", unbounded.Status);
        Assert.Null(unbounded.Checkpoint!.MaxAgeSeconds);
    }

    [Fact]
    public void CheckpointWatch_ANewSize_RestartsItsAge()
    {
        var time = new FakeTimeProvider();
        var watch = new CheckpointWatch(time);
        time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(TimeSpan.FromSeconds(5), watch.Observe(10));
        time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(TimeSpan.FromSeconds(8), watch.Observe(10));
        Assert.Equal(TimeSpan.Zero, watch.Observe(11));
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(TimeSpan.FromSeconds(2), watch.Observe(11));
    }
}
