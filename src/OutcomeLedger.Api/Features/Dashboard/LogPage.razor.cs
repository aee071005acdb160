using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Components;
using OutcomeLedger.Core.Storage;
using OutcomeLedger.Core.Text;
using OutcomeLedger.Core.Transparency.Notes;

namespace OutcomeLedger.Api.Features.Dashboard;

/// <summary>
/// <c>/log</c>: the latest checkpoint (origin, size, root hash, the signed note), the witnesses' cosignatures on it, and
/// the in-browser check of an entry's inclusion proof (<see cref="DashboardAssets.ProofCheckScript"/>).
/// </summary>
public sealed partial class LogPage
{
    /// <summary>A witness's cosignature on the checkpoint: its key name, key id (hex) and when it cosigned.</summary>
    public sealed record Cosigner(string Witness, string KeyId, string At);

    [Parameter, EditorRequired]
    public DashboardRequest Request { get; set; } = null!;

    [Parameter, EditorRequired]
    public string Origin { get; set; } = "";

    /// <summary>The latest signed checkpoint, or null before the first.</summary>
    [Parameter]
    public StoredCheckpoint? Checkpoint { get; set; }

    [Parameter, EditorRequired]
    public IReadOnlyList<Cosigner> Cosigners { get; set; } = [];

    /// <summary>The entry the proof form starts with (?entry=).</summary>
    [Parameter]
    public ulong? Entry { get; set; }

    TextCatalogue Text => Request.Text;

    internal static async Task<IResult> GetAsync(HttpContext context, ServedLedger ledger, ulong? entry, CancellationToken cancellationToken)
    {
        var request = DashboardRequest.Create(context, DashboardSection.Log);
        var latest = await ledger.Store.GetLatestCheckpointAsync(cancellationToken);
        return await DashboardResults.PageAsync<LogPage>(request, new()
        {
            [nameof(Request)] = request,
            [nameof(Origin)] = ledger.Origin,
            [nameof(Checkpoint)] = latest,
            [nameof(Cosigners)] = latest is null ? new List<Cosigner>() : CosignersOf(latest.Note, ledger.Origin),
            [nameof(Entry)] = entry,
        });
    }

    static List<Cosigner> CosignersOf(string note, string origin)
    {
        if (!SignedNote.TryParse(Encoding.UTF8.GetBytes(note), out var parsed, out _))
        {
            return [];
        }

        return [.. parsed.Signatures.Where(s => s.KeyName != origin).Select(s => new Cosigner(
            s.KeyName,
            s.KeyId.ToString("x8", CultureInfo.InvariantCulture),
            // c2sp.org/tlog-cosignature: the signature is an 8-byte big-endian timestamp, then the Ed25519 signature.
            s.Signature.Length == 72
                ? DateTimeOffset.FromUnixTimeSeconds((long)Math.Min(BinaryPrimitives.ReadUInt64BigEndian(s.Signature), 253402300799)).ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)
                : "—"))];
    }
}
