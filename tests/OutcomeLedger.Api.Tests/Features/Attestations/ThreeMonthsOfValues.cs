using System.Text.Json;
using OutcomeLedger.Core.Access;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Api.Tests.Features.Attestations;

/// <summary>
/// What the bulk attestation and review tests attest: a test server (one per test) with the reporter's three months of
/// 2026, its own 2026-01 value and 2026-02 (700) and 2026-03 (650) logged through the API.
/// </summary>
public abstract class ThreeMonthsOfValues(TestServer server) : IAsyncLifetime
{
    readonly List<ulong> _values = [];

    protected TestServer Server => server;

    /// <summary>The three values' entries, month by month.</summary>
    protected IReadOnlyList<ulong> Values => _values;

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await server.InitializeAsync();
        _values.Add(server.UsMeasurement);
        foreach (var (period, value) in new[] { ("2026-02", 700m), ("2026-03", 650m) })
        {
            using var response = await server.PostAsync("api/v1/measurements", EntryCodec.Sign(TestServer.Measurement(period, value), server.Us), server.Tokens[AccessRole.Party]);
            var body = await response.Content.ReadAsStringAsync(Cancel);
            Assert.True(response.IsSuccessStatusCode, body);
            _values.Add(JsonDocument.Parse(body).RootElement.GetProperty("index").GetUInt64());
        }
    }

    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
