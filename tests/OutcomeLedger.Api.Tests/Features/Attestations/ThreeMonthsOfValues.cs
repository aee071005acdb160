using System.Text.Json;
using OutcomeLedger.Core.Access;
using OutcomeLedger.Core.Entries;

namespace OutcomeLedger.Api.Tests.Features.Attestations;

/// <summary>The values the bulk attestation and review tests attest: the reporter's three months of 2026 on the test server.</summary>
internal static class ThreeMonthsOfValues
{
    /// <summary>
    /// Logs the reporter's values of 2026-02 (700) and 2026-03 (650) through the API beside the server's own 2026-01
    /// value; returns the three values' entries, month by month.
    /// </summary>
    public static async Task<IReadOnlyList<ulong>> LogAsync(TestServer server, CancellationToken cancellationToken)
    {
        var values = new List<ulong> { server.UsMeasurement };
        foreach (var (period, value) in new[] { ("2026-02", 700m), ("2026-03", 650m) })
        {
            using var response = await server.PostAsync("api/v1/measurements", EntryCodec.Sign(TestServer.Measurement(period, value), server.Us), server.Tokens[AccessRole.Party]);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            Assert.True(response.IsSuccessStatusCode, body);
            values.Add(JsonDocument.Parse(body).RootElement.GetProperty("index").GetUInt64());
        }

        return values;
    }
}
