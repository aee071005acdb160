using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Notes;

namespace OutcomeLedger.Core.Transparency.Witnessing;

/// <summary>
/// The body of a tlog-witness <c>add-checkpoint</c> request: an <c>old &lt;size&gt;</c> line, zero to 63 consistency
/// proof lines (one base64 hash each), an empty line, then the signed checkpoint. One type writes it (the log's witness
/// client) and reads it (our witness), so the two cannot drift apart.
/// </summary>
// c2sp.org/tlog-witness "add-checkpoint"
public sealed class AddCheckpointRequest
{
    /// <summary>"The client MUST NOT send more than 63 consistency proof lines."</summary>
    public const int MaxProofLines = 63;

    public AddCheckpointRequest(ulong oldSize, IReadOnlyList<Hash> proof, SignedNote note, Checkpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(proof);
        ArgumentNullException.ThrowIfNull(note);
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(proof.Count, MaxProofLines);
        OldSize = oldSize;
        Proof = proof;
        Note = note;
        Checkpoint = checkpoint;
    }

    /// <summary>The size of the checkpoint the proof starts from: the latest the witness cosigned, as the client believes.</summary>
    public ulong OldSize { get; }

    /// <summary>The RFC 6962 consistency proof from <see cref="OldSize"/> to the checkpoint's size (empty from 0).</summary>
    public IReadOnlyList<Hash> Proof { get; }

    /// <summary>The signed checkpoint, with every signature it carries.</summary>
    public SignedNote Note { get; }

    public Checkpoint Checkpoint { get; }

    /// <summary>The request body, byte for byte as the spec lays it out.</summary>
    public byte[] ToBytes()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"old {OldSize}\n");
        foreach (var hash in Proof)
        {
            text.Append(hash.ToBase64()).Append('\n');
        }

        text.Append('\n').Append(Note.ToString());
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Reads a request body; the error says which line is wrong (a witness answers it 400 Bad Request).</summary>
    public static bool TryParse(ReadOnlySpan<byte> body, [NotNullWhen(true)] out AddCheckpointRequest? request, [NotNullWhen(false)] out string? error)
    {
        request = null;
        var rest = body;
        if (!TryTakeLine(ref rest, out var first) || !first.StartsWith("old ", StringComparison.Ordinal) || !TryParseSize(first[4..], out var oldSize))
        {
            error = "the body must start with 'old <size>' (decimal, no leading zeros) and a newline";
            return false;
        }

        var proof = new List<Hash>();
        while (true)
        {
            if (!TryTakeLine(ref rest, out var line))
            {
                error = "the proof lines must end with an empty line before the checkpoint";
                return false;
            }

            if (line.Length == 0)
            {
                break;
            }

            if (proof.Count == MaxProofLines)
            {
                error = $"more than {MaxProofLines} consistency proof lines";
                return false;
            }

            if (!Hash.TryParseBase64(line, out var hash))
            {
                error = $"proof line {proof.Count + 1} is not a base64 SHA-256 hash";
                return false;
            }

            proof.Add(hash);
        }

        if (!SignedNote.TryParse(rest, out var note, out var noteError))
        {
            error = "the checkpoint is not a signed note: " + noteError.Message;
            return false;
        }

        if (!Checkpoint.TryParse(note.Text, out var checkpoint, out var checkpointError))
        {
            error = "the note is not a checkpoint: " + checkpointError.Message;
            return false;
        }

        request = new AddCheckpointRequest(oldSize, proof, note, checkpoint);
        error = null;
        return true;
    }

    /// <summary>An ASCII decimal tree size without leading zeros ("0" for zero), as the old size line and the 409 body carry it.</summary>
    public static bool TryParseSize(string text, out ulong size)
    {
        ArgumentNullException.ThrowIfNull(text);
        size = 0;
        return text.Length is > 0 and <= 20 && text.All(char.IsAsciiDigit) && (text == "0" || text[0] != '0')
            && ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out size);
    }

    static bool TryTakeLine(ref ReadOnlySpan<byte> rest, out string line)
    {
        var newline = rest.IndexOf((byte)'\n');
        if (newline < 0)
        {
            line = "";
            return false;
        }

        line = Encoding.UTF8.GetString(rest[..newline]);
        rest = rest[(newline + 1)..];
        return true;
    }
}
