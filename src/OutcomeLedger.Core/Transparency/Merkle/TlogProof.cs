using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Notes;

namespace OutcomeLedger.Core.Transparency.Merkle;

/// <summary>
/// A c2sp.org/tlog-proof@v1 receipt: a signed checkpoint, the index of an entry and its RFC 9162 inclusion proof in
/// the checkpointed tree, and optional unauthenticated extra data. The receipt does not carry the entry: whoever
/// verifies it supplies the entry (or its leaf hash) and the log's verifier key.
/// </summary>
public sealed class TlogProof
{
    // c2sp.org/tlog-proof: "The first line MUST be the string c2sp.org/tlog-proof@v1".
    public const string Header = "c2sp.org/tlog-proof@v1";

    /// <summary>Largest receipt we parse: a maximal signed note plus the header, extra data and 64 proof lines.</summary>
    public const int MaxSize = SignedNote.MaxSize + MaxExtraSize + 4096;

    /// <summary>Largest extra data we carry, 64 KiB.</summary>
    public const int MaxExtraSize = 1 << 16;

    /// <summary>A proof in a tree of 2^64 leaves has at most 64 hashes.</summary>
    public const int MaxProofLength = 64;

    readonly Hash[] _proof;
    readonly byte[] _checkpoint;
    readonly byte[]? _extra;

    /// <param name="index">The zero-based index of the entry in the log.</param>
    /// <param name="proof">The inclusion proof, leaf's sibling first (RFC 9162 §2.1.3.1).</param>
    /// <param name="signedCheckpoint">The signed checkpoint note, verbatim, cosignatures included.</param>
    /// <param name="extra">Opaque application data, or null; it is not authenticated.</param>
    public TlogProof(ulong index, IReadOnlyList<Hash> proof, ReadOnlySpan<byte> signedCheckpoint, byte[]? extra = null)
    {
        ArgumentNullException.ThrowIfNull(proof);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(proof.Count, MaxProofLength, nameof(proof));
        if (signedCheckpoint.IsEmpty || signedCheckpoint.Length > SignedNote.MaxSize)
        {
            throw new ArgumentException($"a signed checkpoint is 1 to {SignedNote.MaxSize} bytes", nameof(signedCheckpoint));
        }

        if (extra is { Length: 0 or > MaxExtraSize })
        {
            throw new ArgumentException($"extra data is 1 to {MaxExtraSize} bytes, or null for none", nameof(extra));
        }

        Index = index;
        _proof = [.. proof];
        _checkpoint = signedCheckpoint.ToArray();
        _extra = extra?.ToArray();
    }

    public ulong Index { get; }

    /// <summary>The inclusion proof hashes, from the leaf's sibling up to the root's child.</summary>
    public IReadOnlyList<Hash> Proof => _proof;

    /// <summary>The signed checkpoint note exactly as carried in the receipt (not yet verified).</summary>
    public ReadOnlySpan<byte> CheckpointNote => _checkpoint;

    /// <summary>The extra data, or empty when the receipt has none. Never trust it: it is not signed.</summary>
    public ReadOnlySpan<byte> Extra => _extra;

    public bool HasExtra => _extra is not null;

    /// <summary>
    /// The receipt for leaf <paramref name="index"/> of the tree that <paramref name="signedCheckpoint"/> commits to,
    /// with the proof computed from <paramref name="hashes"/> (an in-memory tree or tiles of that tree).
    /// </summary>
    public static TlogProof Create(IMerkleHashes hashes, ulong index, SignedNote signedCheckpoint, byte[]? extra = null)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        ArgumentNullException.ThrowIfNull(signedCheckpoint);
        if (!Checkpoint.TryParse(signedCheckpoint.Text, out var checkpoint, out var error))
        {
            throw new ArgumentException($"the note is not a checkpoint: {error.Message}", nameof(signedCheckpoint));
        }

        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, checkpoint.TreeSize);
        var proof = MerkleMath.InclusionProof(hashes, index, checkpoint.TreeSize);
        return new TlogProof(index, proof, signedCheckpoint.ToBytes(), extra);
    }

    /// <summary>The receipt's bytes: header, optional extra line, index line, proof lines, an empty line, the checkpoint.</summary>
    public byte[] ToBytes()
    {
        var head = new StringBuilder(Header.Length + 32 + (_proof.Length * 45));
        head.Append(Header).Append('\n');
        if (_extra is not null)
        {
            head.Append("extra ").Append(Convert.ToBase64String(_extra)).Append('\n');
        }

        head.Append("index ").Append(Index.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var hash in _proof)
        {
            head.Append(hash.ToBase64()).Append('\n');
        }

        head.Append('\n');
        var headBytes = Encoding.ASCII.GetBytes(head.ToString());
        var bytes = new byte[headBytes.Length + _checkpoint.Length];
        headBytes.CopyTo(bytes, 0);
        _checkpoint.CopyTo(bytes, headBytes.Length);
        return bytes;
    }

    /// <summary>
    /// Parses a receipt strictly (c2sp.org/tlog-proof@v1): exact header, canonical padded base64, a decimal index
    /// without leading zeros, proof lines of exactly 32 bytes, then the checkpoint after the first empty line.
    /// Signatures and the proof are not checked here; see <see cref="Verify(NoteVerifier, Hash, string?, IEnumerable{NoteVerifier}?)"/>.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> receipt, [NotNullWhen(true)] out TlogProof? proof, [NotNullWhen(false)] out string? error)
    {
        proof = null;
        if (receipt.Length > MaxSize)
        {
            error = $"receipt is {receipt.Length} bytes, more than the {MaxSize} allowed";
            return false;
        }

        // The proof lines are non-empty, so the first empty line ends them; the checkpoint follows verbatim.
        var split = receipt.IndexOf("\n\n"u8);
        if (split < 0)
        {
            error = "receipt has no empty line before the checkpoint";
            return false;
        }

        var checkpoint = receipt[(split + 2)..];
        if (checkpoint.IsEmpty)
        {
            error = "receipt has no checkpoint after the empty line";
            return false;
        }

        var head = receipt[..split];
        foreach (var b in head)
        {
            if (b is < 0x20 and not (byte)'\n' or > 0x7E)
            {
                error = "receipt's header, index and proof lines hold a byte that is not printable ASCII";
                return false;
            }
        }

        var lines = Encoding.ASCII.GetString(head).Split('\n');
        if (lines[0] != Header)
        {
            error = $"receipt header is not the line {Header}";
            return false;
        }

        var next = 1;
        byte[]? extra = null;
        if (next < lines.Length && lines[next].StartsWith("extra ", StringComparison.Ordinal))
        {
            if (!CanonicalBase64.TryDecode(lines[next].AsSpan("extra ".Length), out extra) || extra.Length > MaxExtraSize)
            {
                error = $"receipt's extra line is not padded standard base64 of 1 to {MaxExtraSize} bytes";
                return false;
            }

            next++;
        }

        if (next >= lines.Length || !lines[next].StartsWith("index ", StringComparison.Ordinal))
        {
            error = "receipt has no index line after its header (and extra line)";
            return false;
        }

        if (!TryParseDecimal(lines[next].AsSpan("index ".Length), out var index))
        {
            error = "receipt index is not a decimal number without sign or leading zeros that fits in 64 bits";
            return false;
        }

        next++;
        var hashes = lines.Length - next;
        if (hashes > MaxProofLength)
        {
            error = $"receipt has {hashes} proof lines; a proof has at most {MaxProofLength}";
            return false;
        }

        var path = new Hash[hashes];
        for (var i = 0; i < hashes; i++)
        {
            if (!CanonicalBase64.TryDecode(lines[next + i], out var bytes) || bytes.Length != Hash.Size)
            {
                error = $"receipt proof line {i + 1} is not the padded standard base64 of {Hash.Size} bytes";
                return false;
            }

            path[i] = Hash.FromBytes(bytes);
        }

        if (checkpoint.Length > SignedNote.MaxSize)
        {
            error = $"receipt's checkpoint is larger than {SignedNote.MaxSize} bytes";
            return false;
        }

        proof = new TlogProof(index, path, checkpoint, extra);
        error = null;
        return true;
    }

    /// <summary>Parses and verifies a receipt in one step; see <see cref="TryParse"/> and <see cref="Verify(NoteVerifier, Hash, string?, IEnumerable{NoteVerifier}?)"/>.</summary>
    public static TlogProofCheck Verify(
        ReadOnlySpan<byte> receipt, NoteVerifier log, Hash leafHash, string? origin = null, IEnumerable<NoteVerifier>? witnesses = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        return TryParse(receipt, out var parsed, out var error)
            ? parsed.Verify(log, leafHash, origin, witnesses)
            : TlogProofCheck.Failed(TlogProofFailure.Malformed, error);
    }

    /// <summary>
    /// Checks that the entry with <paramref name="leafHash"/> (RFC 6962 leaf hash of its bytes) is at <see cref="Index"/>
    /// in the tree of a checkpoint signed by <paramref name="log"/>. Cosignatures by <paramref name="witnesses"/> are
    /// verified too (a bad one rejects the receipt); the result's checkpoint says which witnesses signed, for the
    /// caller's policy. With <paramref name="origin"/>, the checkpoint must name that origin.
    /// </summary>
    public TlogProofCheck Verify(NoteVerifier log, Hash leafHash, string? origin = null, IEnumerable<NoteVerifier>? witnesses = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (!Checkpoint.TryOpen(_checkpoint, log, witnesses, out var signed, out var noteError))
        {
            return TlogProofCheck.Failed(TlogProofFailure.Checkpoint, $"receipt checkpoint: {noteError.Message}");
        }

        var checkpoint = signed.Checkpoint;
        if (origin is not null && !string.Equals(origin, checkpoint.Origin, StringComparison.Ordinal))
        {
            return TlogProofCheck.Failed(TlogProofFailure.WrongOrigin, $"receipt checkpoint is for origin '{checkpoint.Origin}', not '{origin}'");
        }

        if (Index >= checkpoint.TreeSize)
        {
            return TlogProofCheck.Failed(TlogProofFailure.IndexOutOfRange, $"receipt index {Index} is not below the checkpoint's tree size {checkpoint.TreeSize}");
        }

        var check = InclusionProof.Verify(Index, checkpoint.TreeSize, leafHash, _proof, checkpoint.RootHash);
        return check.Failure switch
        {
            ProofFailure.None => TlogProofCheck.Valid(signed),
            ProofFailure.WrongProofLength => TlogProofCheck.Failed(TlogProofFailure.WrongProofLength, $"receipt inclusion proof: {check.Message}"),
            _ => TlogProofCheck.Failed(
                TlogProofFailure.RootMismatch,
                $"receipt does not prove entry {Index} in {checkpoint.Origin} size {checkpoint.TreeSize}: the proof leads to root {check.Computed}, the checkpoint has {check.Expected}"),
        };
    }

    /// <summary>Verifies the receipt for the entry's bytes (hashed as an RFC 6962 leaf).</summary>
    public TlogProofCheck VerifyEntry(NoteVerifier log, ReadOnlySpan<byte> entry, string? origin = null, IEnumerable<NoteVerifier>? witnesses = null) =>
        Verify(log, Rfc6962.HashLeaf(entry), origin, witnesses);

    // c2sp.org/tlog-proof: "ASCII decimal with no leading zeroes (unless the index is 0)".
    static bool TryParseDecimal(ReadOnlySpan<char> text, out ulong value)
    {
        value = 0;
        if (text.IsEmpty || (text.Length > 1 && text[0] == '0'))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
