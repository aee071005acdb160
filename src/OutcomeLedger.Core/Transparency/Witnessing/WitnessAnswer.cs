using System.Diagnostics.CodeAnalysis;
using System.Text;
using OutcomeLedger.Core.Transparency.Notes;

namespace OutcomeLedger.Core.Transparency.Witnessing;

/// <summary>
/// Reads what a tlog-witness answered to add-checkpoint, trusting nothing it did not check: the 409 body (the size the
/// witness last cosigned, <c>text/x.tlog.size</c>) and the 200 body (note signature lines, of which only the one by the
/// witness key configured for it counts, verified over the checkpoint as a cosignature/v1 before anything keeps it).
/// </summary>
// c2sp.org/tlog-witness "add-checkpoint"; c2sp.org/tlog-cosignature
public static class WitnessAnswer
{
    /// <summary>The largest answer read: a few signature lines, far less in practice.</summary>
    public const int MaxBody = 16 * 1024;

    /// <summary>The media type of a 409's body.</summary>
    public const string SizeMediaType = "text/x.tlog.size";

    /// <summary>A 409 body: the decimal size and a newline, nothing else.</summary>
    public static bool TryParseConflict(ReadOnlySpan<byte> body, out ulong size, [NotNullWhen(false)] out string? error)
    {
        size = 0;
        if (body.Length is 0 or > 21 || body[^1] != (byte)'\n' || !AddCheckpointRequest.TryParseSize(Encoding.ASCII.GetString(body[..^1]), out size))
        {
            error = "the 409 answer is not a tree size in decimal followed by a newline";
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>
    /// The cosignature by <paramref name="witness"/> in a 200 body, verified over the text of <paramref name="checkpoint"/> (the
    /// signed checkpoint the request carried).
    /// Lines by other keys are ignored, as the spec requires; a body that is not signature lines, that holds no line by the
    /// witness key, or whose line by it does not verify, is an error.
    /// </summary>
    public static bool TryReadCosignature(SignedNote checkpoint, ReadOnlySpan<byte> body, VerifierKey witness, [NotNullWhen(true)] out NoteSignature? cosignature, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(witness);
        cosignature = null;
        if (witness.Type != NoteKeyType.CosignatureV1)
        {
            error = $"the key configured for the witness {witness.Name} is not a cosignature/v1 key";
            return false;
        }

        if (body.Length is 0 or > MaxBody)
        {
            error = body.Length == 0 ? "the answer is empty: a witness answers 200 with its cosignature lines" : $"the answer is larger than {MaxBody} bytes";
            return false;
        }

        if (!SignedNote.TryParseSignatures(body, out var signatures, out var parseError))
        {
            error = "the answer is not note signature lines: " + parseError.Message;
            return false;
        }

        var mine = signatures.Where(s => s.KeyName == witness.Name && s.KeyId == witness.KeyId).ToList();
        if (mine.Count == 0)
        {
            error = $"the answer holds no cosignature by {witness.Name}+{witness.KeyId:x8} (only by {string.Join(", ", signatures.Select(s => s.ToString()))})";
            return false;
        }

        var text = Encoding.UTF8.GetBytes(checkpoint.Text);
        var verifier = witness.CreateVerifier();
        if (!verifier.Verify(text, mine[0].Signature))
        {
            error = $"the cosignature by {mine[0]} does not verify over the checkpoint sent";
            return false;
        }

        cosignature = mine[0];
        error = null;
        return true;
    }
}
