using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Transparency.Notes;

/// <summary>
/// A log checkpoint (c2sp.org/tlog-checkpoint): the note text "&lt;origin&gt;\n&lt;tree size&gt;\n&lt;base64 root hash&gt;\n"
/// followed by optional non-empty extension lines, signed as a c2sp.org/signed-note.
/// </summary>
public sealed class Checkpoint : IEquatable<Checkpoint>
{
    readonly string[] _extensions;

    public Checkpoint(string origin, ulong treeSize, Hash rootHash, IEnumerable<string>? extensions = null)
    {
        if (!IsValidLine(origin))
        {
            throw new ArgumentException("a checkpoint origin is a non-empty line without control characters", nameof(origin));
        }

        _extensions = extensions?.ToArray() ?? [];
        if (!_extensions.All(IsValidLine))
        {
            throw new ArgumentException("checkpoint extension lines are non-empty lines without control characters", nameof(extensions));
        }

        Origin = origin;
        TreeSize = treeSize;
        RootHash = rootHash;
    }

    /// <summary>The log's identity, e.g. "example.com/log42".</summary>
    public string Origin { get; }

    public ulong TreeSize { get; }

    /// <summary>The RFC 6962 Merkle tree hash at <see cref="TreeSize"/>.</summary>
    public Hash RootHash { get; }

    /// <summary>Opaque extension lines after the root hash (the spec discourages them).</summary>
    public IReadOnlyList<string> Extensions => _extensions;

    /// <summary>Parses a checkpoint body (the note text, with its final newline). Every rule of the spec is checked.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Checkpoint? checkpoint, [NotNullWhen(false)] out NoteError? error)
    {
        checkpoint = null;
        if (string.IsNullOrEmpty(text) || text.Length > SignedNote.MaxSize)
        {
            error = Malformed("checkpoint is empty or too large");
            return false;
        }

        if (text[^1] != '\n')
        {
            error = Malformed("checkpoint does not end with a newline");
            return false;
        }

        var lines = text[..^1].Split('\n');
        if (lines.Length < 3)
        {
            error = Malformed($"checkpoint has {lines.Length} lines, at least 3 (origin, tree size, root hash) are required");
            return false;
        }

        for (var i = 0; i < lines.Length; i++)
        {
            if (!IsValidLine(lines[i]))
            {
                error = Malformed(i switch
                {
                    0 => "checkpoint origin line is empty or has a control character",
                    1 => "checkpoint tree size line is empty or has a control character",
                    2 => "checkpoint root hash line is empty or has a control character",
                    _ => $"checkpoint extension line {i + 1} is empty or has a control character",
                });
                return false;
            }
        }

        if (!TryParseTreeSize(lines[1], out var treeSize))
        {
            error = Malformed("checkpoint tree size is not a decimal number without sign or leading zeros that fits in 64 bits");
            return false;
        }

        if (!CanonicalBase64.TryDecode(lines[2], out var root) || root.Length != Hash.Size)
        {
            error = Malformed($"checkpoint root hash is not the padded base64 of {Hash.Size} bytes");
            return false;
        }

        checkpoint = new Checkpoint(lines[0], treeSize, Hash.FromBytes(root), lines[3..]);
        error = null;
        return true;
    }

    /// <summary>
    /// Verifies a signed checkpoint and parses its body. <paramref name="log"/> must have signed it; signatures by
    /// <paramref name="witnesses"/> (cosigners) are verified too, and any other signature is ignored.
    /// </summary>
    public static bool TryOpen(
        ReadOnlySpan<byte> message, NoteVerifier log, IEnumerable<NoteVerifier>? witnesses,
        [NotNullWhen(true)] out SignedCheckpoint? checkpoint, [NotNullWhen(false)] out NoteError? error)
    {
        ArgumentNullException.ThrowIfNull(log);
        checkpoint = null;
        var known = new NoteVerifierSet(witnesses is null ? [log] : witnesses.Prepend(log));
        if (!SignedNote.TryOpen(message, known, out var note, out error))
        {
            return false;
        }

        // The spec lets any known key satisfy a note; a checkpoint needs its log's own signature.
        if (!note.IsSignedBy(log))
        {
            error = new NoteError(NoteErrorKind.NoVerifiedSignature, $"checkpoint has no signature by the log key {log}");
            return false;
        }

        if (!TryParse(note.Text, out var parsed, out error))
        {
            return false;
        }

        checkpoint = new SignedCheckpoint(parsed, note);
        return true;
    }

    /// <summary>The note text: origin, tree size, root hash and extension lines, each ending with a newline.</summary>
    public string Format()
    {
        var builder = new StringBuilder();
        builder.Append(Origin).Append('\n')
            .Append(TreeSize.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(RootHash.ToBase64()).Append('\n');
        foreach (var line in _extensions)
        {
            builder.Append(line).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>Signs the checkpoint body as a note (the log's key first, per convention).</summary>
    public SignedNote Sign(params IEnumerable<NoteSigner> signers) => SignedNote.Sign(Format(), signers);

    public override string ToString() => Format();

    public bool Equals(Checkpoint? other) =>
        other is not null && TreeSize == other.TreeSize && RootHash == other.RootHash
        && string.Equals(Origin, other.Origin, StringComparison.Ordinal) && _extensions.SequenceEqual(other._extensions, StringComparer.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as Checkpoint);

    public override int GetHashCode() => HashCode.Combine(Origin, TreeSize, RootHash);

    // c2sp.org/tlog-checkpoint: "ASCII decimal ... with no leading zeroes (unless the tree is empty)".
    static bool TryParseTreeSize(string line, out ulong treeSize)
    {
        treeSize = 0;
        foreach (var c in line)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return (line == "0" || line[0] != '0')
            && ulong.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out treeSize);
    }

    // Lines are non-empty and, as note text, free of control characters and well-formed Unicode.
    static bool IsValidLine(string? line)
    {
        if (string.IsNullOrEmpty(line))
        {
            return false;
        }

        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c < 0x20)
            {
                return false;
            }

            if (char.IsHighSurrogate(c) && i + 1 < line.Length && char.IsLowSurrogate(line[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    static NoteError Malformed(string message) => new(NoteErrorKind.MalformedCheckpoint, message);
}
