using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OutcomeLedger.Api.Tests.Features.Witnesses;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Api.Tests.Features.Metrics;

/// <summary>
/// <c>/metrics</c> on a real Kestrel: absent without <c>--metrics</c>; with it, the Prometheus text after real writes
/// (entries, batches, commit latency, queue depth, checkpoint age on the server's fake clock, HTTP requests by route and
/// status) and after witness alarms and cosignatures.
/// </summary>
public sealed class MetricsEndpointsTests
{
    static CancellationToken Cancel => TestContext.Current.CancellationToken;

    static async Task<string> ScrapeAsync(TestServer server)
    {
        using var response = await server.Client.GetAsync("metrics", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.True(response.Headers.CacheControl?.NoStore);
        return await response.Content.ReadAsStringAsync(Cancel);
    }

    /// <summary>The value of the sample line whose name and labels are exactly <paramref name="series"/>, or null.</summary>
    static double? Sample(string text, string series)
    {
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(series + " ", StringComparison.Ordinal))
            {
                return double.Parse(line[(series.Length + 1)..], CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    static async Task<HttpStatusCode> LogAsync(TestServer server, string period, decimal value)
    {
        using var response = await server.PostAsync("api/v1/measurements", EntryCodec.Sign(TestServer.Measurement(period, value), server.Us), server.Tokens[Core.Access.AccessRole.Party]);
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancel));
        return response.StatusCode;
    }

    [Fact]
    public void Exporter_TextFormat_CumulativeBucketsEscapedLabelsAndGaugesReadAtEachScrape()
    {
        using var meter = new System.Diagnostics.Metrics.Meter("exporter-test");
        using var exporter = new OutcomeLedger.Api.Features.Metrics.PrometheusExporter(meter);
        using var other = new System.Diagnostics.Metrics.Meter("another-server");
        var histogram = meter.CreateHistogram("test.wait", "s", "A wait",
            advice: new System.Diagnostics.Metrics.InstrumentAdvice<double> { HistogramBucketBoundaries = [0.5, 1, 2] });
        var counter = meter.CreateCounter<long>("test.things", "{thing}", "Things");
        var gaugeValues = new List<System.Diagnostics.Metrics.Measurement<long>> { new(3, new KeyValuePair<string, object?>("name", "a")) };
        meter.CreateObservableGauge("test.level", () => gaugeValues.ToArray(), "{item}", "Level");
        other.CreateCounter<long>("test.things").Add(1000);

        histogram.Record(0.25);
        histogram.Record(1);
        histogram.Record(7);
        counter.Add(2, new KeyValuePair<string, object?>("path", "a\"b\\c\nd"));
        counter.Add(3, new KeyValuePair<string, object?>("path", "a\"b\\c\nd"));
        var text = exporter.Scrape();

        Assert.Contains("# HELP test_wait_seconds A wait\n# TYPE test_wait_seconds histogram\n", text, StringComparison.Ordinal);
        Assert.Equal(1, Sample(text, "test_wait_seconds_bucket{le=\"0.5\"}"));
        Assert.Equal(2, Sample(text, "test_wait_seconds_bucket{le=\"1\"}"));
        Assert.Equal(2, Sample(text, "test_wait_seconds_bucket{le=\"2\"}"));
        Assert.Equal(3, Sample(text, "test_wait_seconds_bucket{le=\"+Inf\"}"));
        Assert.Equal(8.25, Sample(text, "test_wait_seconds_sum"));
        Assert.Equal(3, Sample(text, "test_wait_seconds_count"));
        // Quote, backslash and newline escaped; another meter's instrument of the same name is not this server's.
        Assert.Equal(5, Sample(text, "test_things_total{path=\"a\\\"b\\\\c\\nd\"}"));
        Assert.DoesNotContain("1000", text, StringComparison.Ordinal);
        Assert.Equal(3, Sample(text, "test_level{name=\"a\"}"));

        // A gauge shows what its callback measures now, nothing left from the scrape before.
        gaugeValues = [new(4, new KeyValuePair<string, object?>("name", "b"))];
        var next = exporter.Scrape();
        Assert.Null(Sample(next, "test_level{name=\"a\"}"));
        Assert.Equal(4, Sample(next, "test_level{name=\"b\"}"));
    }

    [Fact]
    public async Task Metrics_NotAskedFor_404()
    {
        await using var server = new TestServer();
        await server.InitializeAsync();

        using var response = await server.Client.GetAsync("metrics", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_AfterWrites_CountsEntriesBatchesRequestsAndCheckpointAge()
    {
        await using var server = new TestServer { Metrics = true };
        await server.InitializeAsync();
        var before = await ScrapeAsync(server);
        Assert.Equal(0, Sample(before, "outcomes_entries_appended_total"));
        Assert.Equal(0, Sample(before, "outcomes_batch_size_count"));
        Assert.Contains("# TYPE outcomes_batch_size histogram\n", before, StringComparison.Ordinal);
        Assert.Contains("# TYPE outcomes_entries_appended_total counter\n", before, StringComparison.Ordinal);

        // Two writes, one after the other: two batches of one entry each; one refused write appends nothing.
        var first = await LogAsync(server, "2026-02", 790m);
        var second = await LogAsync(server, "2026-03", 801m);
        using (var refused = await server.PostAsync("api/v1/measurements", EntryCodec.Sign(TestServer.Measurement("2026-04", 1m), server.Mx), server.MxToken))
        {
            Assert.False(refused.IsSuccessStatusCode);
        }

        server.Clock.Advance(TimeSpan.FromSeconds(90));
        var text = await ScrapeAsync(server);

        Assert.Equal(2, Sample(text, "outcomes_entries_appended_total"));
        Assert.Equal(2, Sample(text, "outcomes_batch_size_count"));
        Assert.Equal(2, Sample(text, "outcomes_batch_size_sum"));
        Assert.Equal(2, Sample(text, "outcomes_batch_size_bucket{le=\"1\"}"));
        Assert.Equal(2, Sample(text, "outcomes_batch_size_bucket{le=\"+Inf\"}"));
        Assert.Equal(2, Sample(text, "outcomes_commit_duration_seconds_count"));
        Assert.True(Sample(text, "outcomes_commit_duration_seconds_sum") > 0);
        Assert.Equal(0, Sample(text, "outcomes_queue_depth"));
        // The last batch's checkpoint was signed at the clock's time; the clock then moved 90 s.
        Assert.Equal(90, Sample(text, "outcomes_checkpoint_age_seconds"));
        var created = (int)first;
        Assert.Equal(first == second ? 2 : 1, Sample(text, $"outcomes_http_requests_total{{method=\"POST\",route=\"/api/v1/measurements\",status=\"{created}\"}}"));
        Assert.Equal(1, Sample(text, "outcomes_http_requests_total{method=\"GET\",route=\"/metrics\",status=\"200\"}"));
        Assert.Contains("route=\"/api/v1/measurements\",status=\"4", text, StringComparison.Ordinal);
        // No token, key or path of a request in any label.
        Assert.DoesNotContain(server.Tokens[Core.Access.AccessRole.Party], text, StringComparison.Ordinal);
        Assert.DoesNotContain(server.MxToken, text, StringComparison.Ordinal);
        Assert.DoesNotContain("outcomes_witness_alarms_total{", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_WitnessAlarmAndCosignature_CountedByWitness()
    {
        var witnesses = new List<InProcessWitness>();
        await using var server = new TestServer
        {
            Metrics = true,
            Witnesses = async s =>
            {
                witnesses.Add(await InProcessWitness.StartOursAsync("good.example/w", 31, s.LogKey));
                witnesses.Add(await InProcessWitness.StartScriptedAsync("stranger.example/w", 32, (context, _) =>
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                }));
                return [.. witnesses.Select(w => w.AsLogWitness)];
            },
        };
        try
        {
            await server.InitializeAsync();
            string text;
            // Polled every 50 ms, at most 30 s: a bound on a hang, not a timing.
            for (var attempt = 0; ; attempt++)
            {
                text = await ScrapeAsync(server);
                if (Sample(text, "outcomes_witness_alarms_total{alarm=\"unknown-log\",witness=\"stranger.example/w\"}") >= 1
                    && Sample(text, "outcomes_cosignature_age_seconds{witness=\"good.example/w\"}") is not null)
                {
                    break;
                }

                Assert.True(attempt < 600, text);
                await Task.Delay(50, Cancel);
            }

            Assert.Null(Sample(text, "outcomes_witness_alarms_total{alarm=\"unknown-log\",witness=\"good.example/w\"}"));
            Assert.Equal(0, Sample(text, "outcomes_cosignature_age_seconds{witness=\"good.example/w\"}"));
            Assert.Null(Sample(text, "outcomes_cosignature_age_seconds{witness=\"stranger.example/w\"}"));
            server.Clock.Advance(TimeSpan.FromSeconds(30));
            Assert.Equal(30, Sample(await ScrapeAsync(server), "outcomes_cosignature_age_seconds{witness=\"good.example/w\"}"));

            // /readyz shows the same alarm.
            using var ready = await server.Client.GetAsync("readyz", Cancel);
            using var json = JsonDocument.Parse(await ready.Content.ReadAsStringAsync(Cancel));
            Assert.Contains(json.RootElement.GetProperty("witnesses").EnumerateArray(), w => w.TryGetProperty("alarm", out var alarm) && alarm.GetString() == "unknown-log");
        }
        finally
        {
            foreach (var witness in witnesses)
            {
                await witness.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Metrics_PrivateLedger_NeedsAToken()
    {
        await using var server = new TestServer { Metrics = true, Private = true };
        await server.InitializeAsync();

        using var anonymous = await server.Client.GetAsync("metrics", Cancel);
        using var request = new HttpRequestMessage(HttpMethod.Get, "metrics");
        request.Headers.Authorization = new("Bearer", server.Tokens[Core.Access.AccessRole.Verifier]);
        using var authorised = await server.Client.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, authorised.StatusCode);
    }
}
