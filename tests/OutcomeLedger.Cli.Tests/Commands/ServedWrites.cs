using System.Net;
using System.Net.Http.Headers;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Storage;

namespace OutcomeLedger.Cli.Tests.Commands;

/// <summary>
/// Writes to a ledger that <c>outcomes serve</c> holds go through its HTTP API: a command's write would be refused
/// (one writer at a time on a SQLite folder). The operator's records are signed with the folder's operator key and
/// sent with an admin token made by <c>outcomes token create</c> (tokens may be made while the server runs).
/// </summary>
public static class ServedWrites
{
    /// <summary>Logs an agreement through the server at <paramref name="url"/>; returns its log index.</summary>
    public static async Task<ulong> AddAgreementAsync(TestLedger ledger, string url, string id, string title, params string[] parties)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var token = ledger.RunIn("token", "create", "--party", "operator", "--role", "admin").AssertOk().Output.Trim();
        using var key = KeyFile.ReadSigningKey(Path.Combine(ledger.LedgerPath, "keys", "operator.key"));
        var now = TimeProvider.System.GetUtcNow();
        var record = new AgreementRecord
        {
            Author = new PartyId("operator"),
            RecordedAt = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero),
            Id = new AgreementId(id),
            Title = title,
            Parties = [.. parties.Select(p => new PartyId(p))],
        };

        using var client = new HttpClient { BaseAddress = new Uri(url) };
        using var body = new ByteArrayContent(EntryCodec.Sign(record, key));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/entries") { Content = body };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {text}");
        using var json = System.Text.Json.JsonDocument.Parse(text);
        return json.RootElement.GetProperty("index").GetUInt64();
    }
}
