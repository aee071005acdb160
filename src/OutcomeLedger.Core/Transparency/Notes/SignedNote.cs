using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace OutcomeLedger.Core.Transparency.Notes;

/// <summary>
/// A signed note (c2sp.org/signed-note): a text ending in a newline, a blank line, then one or more lines
/// "— &lt;key name&gt; base64(key ID || signature)\n". Parsing checks the format only; <see cref="TryVerify"/> and
/// <see cref="TryOpen"/> check signatures. Untrusted input never throws: it yields a <see cref="NoteError"/>.
/// </summary>
public sealed class SignedNote
{
    /// <summary>Largest note we parse or produce (the spec asks verifiers to bound the size), 1 MiB.</summary>
    public const int MaxSize = 1 << 20;

    /// <summary>Most signature lines we parse: Go's limit; the spec requires accepting at least 16.</summary>
    public const int MaxSignatures = 100;

    static ReadOnlySpan<byte> SignaturePrefix => "— "u8;

    readonly byte[] _text;

    SignedNote(string text, byte[] textBytes, IReadOnlyList<NoteSignature> signatures)
    {
        Text = text;
        _text = textBytes;
        Signatures = signatures;
    }

    /// <summary>The signed text, including its final newline and excluding the blank separator line.</summary>
    public string Text { get; }

    /// <summary>The signature lines in order, verified or not.</summary>
    public IReadOnlyList<NoteSignature> Signatures { get; }

    /// <summary>Parses the note format without checking any signature.</summary>
    public static bool TryParse(ReadOnlySpan<byte> message, [NotNullWhen(true)] out SignedNote? note, [NotNullWhen(false)] out NoteError? error)
    {
        note = null;
        if (message.Length > MaxSize)
        {
            error = new NoteError(NoteErrorKind.TooLarge, $"note is {message.Length} bytes, more than the {MaxSize} allowed");
            return false;
        }

        if (!TryCheckCharacters(message, out error))
        {
            return false;
        }

        // The text is separated from the signatures by the last empty line.
        var split = message.LastIndexOf("\n\n"u8);
        if (split < 0)
        {
            error = Malformed("note has no blank line before its signatures");
            return false;
        }

        var text = message[..(split + 1)];
        var block = message[(split + 2)..];

        if (!TryParseSignatureBlock(block, out var signatures, out error))
        {
            return false;
        }

        var textBytes = text.ToArray();
        note = new SignedNote(Encoding.UTF8.GetString(textBytes), textBytes, signatures);
        error = null;
        return true;
    }

    /// <summary>
    /// Parses signature lines on their own, each "— &lt;key name&gt; &lt;base64&gt;\n" (e.g. a tlog-witness response), with
    /// the same rules as a note's signature block. Attach them with <see cref="WithSignatures"/>, then verify.
    /// </summary>
    public static bool TryParseSignatures(ReadOnlySpan<byte> lines, [NotNullWhen(true)] out IReadOnlyList<NoteSignature>? signatures, [NotNullWhen(false)] out NoteError? error)
    {
        signatures = null;
        if (lines.Length > MaxSize)
        {
            error = new NoteError(NoteErrorKind.TooLarge, $"signature lines are {lines.Length} bytes, more than the {MaxSize} allowed");
            return false;
        }

        if (!TryCheckCharacters(lines, out error) || !TryParseSignatureBlock(lines, out var parsed, out error))
        {
            return false;
        }

        signatures = parsed;
        return true;
    }

    /// <summary>Parses the note and verifies it against <paramref name="known"/>; see <see cref="TryVerify"/>.</summary>
    public static bool TryOpen(ReadOnlySpan<byte> message, NoteVerifierSet known, [NotNullWhen(true)] out VerifiedNote? verified, [NotNullWhen(false)] out NoteError? error)
    {
        ArgumentNullException.ThrowIfNull(known);
        verified = null;
        return TryParse(message, out var note, out error) && note.TryVerify(known, out verified, out error);
    }

    /// <summary>
    /// Verifies the signatures against <paramref name="known"/> (c2sp.org/signed-note "Signatures"), as Go's note.Open:
    /// signatures by unknown keys are ignored; the first signature by each known key must verify or the note is
    /// rejected (later repeats by that key are ignored); at least one signature by a known key is required.
    /// </summary>
    public bool TryVerify(NoteVerifierSet known, [NotNullWhen(true)] out VerifiedNote? verified, [NotNullWhen(false)] out NoteError? error)
    {
        ArgumentNullException.ThrowIfNull(known);
        verified = null;
        var good = new List<NoteSignature>();
        var verifiers = new List<NoteVerifier>();
        var unknown = new List<NoteSignature>();
        foreach (var signature in Signatures)
        {
            if (!known.TryGet(signature.KeyName, signature.KeyId, out var verifier))
            {
                if (!unknown.Contains(signature))
                {
                    unknown.Add(signature);
                }

                continue;
            }

            if (verifiers.Contains(verifier))
            {
                continue;
            }

            if (!verifier.Verify(_text, signature.Signature))
            {
                error = new NoteError(NoteErrorKind.InvalidSignature, $"invalid signature for key {signature}");
                return false;
            }

            good.Add(signature);
            verifiers.Add(verifier);
        }

        if (good.Count == 0)
        {
            error = new NoteError(NoteErrorKind.NoVerifiedSignature, $"note has no signature by a known key ({unknown.Count} by unknown keys)");
            return false;
        }

        verified = new VerifiedNote(this, good, verifiers, unknown);
        error = null;
        return true;
    }

    /// <summary>Signs <paramref name="text"/> (which must end with a newline) with each signer, in order.</summary>
    public static SignedNote Sign(string text, params IEnumerable<NoteSigner> signers)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.EndsWith('\n'))
        {
            throw new ArgumentException("note text must end with a newline", nameof(text));
        }

        var textBytes = Encoding.UTF8.GetBytes(text);
        if (!TryCheckCharacters(textBytes, out var error) || Encoding.UTF8.GetString(textBytes) != text)
        {
            throw new ArgumentException($"note text is not valid: {error?.Message ?? "not well-formed Unicode"}", nameof(text));
        }

        return new SignedNote(text, textBytes, []).AddSignatures(signers);
    }

    /// <summary>
    /// Adds signatures by <paramref name="signers"/> after the existing ones; an existing signature with the same
    /// key name and ID as a new signer is replaced (Go's note.Sign).
    /// </summary>
    public SignedNote AddSignatures(params IEnumerable<NoteSigner> signers)
    {
        ArgumentNullException.ThrowIfNull(signers);
        var added = new List<NoteSignature>();
        foreach (var signer in signers)
        {
            ArgumentNullException.ThrowIfNull(signer, nameof(signers));
            added.Add(new NoteSignature(signer.Name, signer.KeyId, signer.Sign(_text)));
        }

        if (added.Count == 0)
        {
            throw new ArgumentException("at least one signer is needed", nameof(signers));
        }

        return WithAdded(added);
    }

    SignedNote WithAdded(List<NoteSignature> added)
    {
        var all = Signatures.Where(old => !added.Exists(s => s.KeyId == old.KeyId && s.KeyName == old.KeyName)).Concat(added).ToList();
        var note = new SignedNote(Text, _text, all);
        if (all.Count > MaxSignatures || note.ToBytes().Length > MaxSize)
        {
            throw new InvalidOperationException($"signed note would exceed {MaxSignatures} signatures or {MaxSize} bytes");
        }

        return note;
    }

    /// <summary>
    /// Appends already-made signatures (e.g. cosignatures returned by witnesses); an existing signature with the
    /// same key name and ID is replaced. Nothing is verified here: open the result to trust it.
    /// </summary>
    public SignedNote WithSignatures(IEnumerable<NoteSignature> signatures)
    {
        ArgumentNullException.ThrowIfNull(signatures);
        var added = signatures.ToList();
        if (added.Contains(null!))
        {
            throw new ArgumentException("null signature", nameof(signatures));
        }

        return WithAdded(added);
    }

    /// <summary>The note's wire form: text, blank line, signature lines.</summary>
    public byte[] ToBytes() => Encoding.UTF8.GetBytes(ToString());

    public override string ToString()
    {
        var builder = new StringBuilder(Text.Length + 1 + (Signatures.Count * 120));
        builder.Append(Text).Append('\n');
        foreach (var signature in Signatures)
        {
            builder.Append(signature.ToLine());
        }

        return builder.ToString();
    }

    // c2sp.org/signed-note: valid UTF-8, no ASCII control characters other than newline.
    static bool TryCheckCharacters(ReadOnlySpan<byte> message, [NotNullWhen(false)] out NoteError? error)
    {
        var offset = 0;
        while (offset < message.Length)
        {
            var b = message[offset];
            if (b < 0x80)
            {
                if (b < 0x20 && b != '\n')
                {
                    error = Malformed($"note has control byte 0x{b:x2} at offset {offset}");
                    return false;
                }

                offset++;
                continue;
            }

            if (Rune.DecodeFromUtf8(message[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                error = Malformed($"note is not valid UTF-8 at offset {offset}");
                return false;
            }

            offset += consumed;
        }

        error = null;
        return true;
    }

    static bool TryParseSignatureBlock(ReadOnlySpan<byte> block, [NotNullWhen(true)] out List<NoteSignature>? signatures, [NotNullWhen(false)] out NoteError? error)
    {
        signatures = null;
        if (block.IsEmpty)
        {
            error = Malformed("note has no signature lines");
            return false;
        }

        if (block[^1] != '\n')
        {
            error = Malformed("note does not end with a newline");
            return false;
        }

        var parsed = new List<NoteSignature>();
        while (!block.IsEmpty)
        {
            var end = block.IndexOf((byte)'\n');
            var line = block[..end];
            block = block[(end + 1)..];
            if (parsed.Count == MaxSignatures)
            {
                error = new NoteError(NoteErrorKind.TooManySignatures, $"note has more than {MaxSignatures} signature lines");
                return false;
            }

            if (!TryParseSignatureLine(line, parsed.Count + 1, out var signature, out error))
            {
                return false;
            }

            parsed.Add(signature);
        }

        signatures = parsed;
        error = null;
        return true;
    }

    static bool TryParseSignatureLine(ReadOnlySpan<byte> line, int number, [NotNullWhen(true)] out NoteSignature? signature, [NotNullWhen(false)] out NoteError? error)
    {
        signature = null;
        if (!line.StartsWith(SignaturePrefix))
        {
            error = Malformed($"signature line {number} does not start with an em dash and a space");
            return false;
        }

        line = line[SignaturePrefix.Length..];
        var space = line.IndexOf((byte)' ');
        if (space < 0)
        {
            error = Malformed($"signature line {number} has no space between key name and signature");
            return false;
        }

        var name = Encoding.UTF8.GetString(line[..space]);
        if (!NoteKeyName.IsValid(name))
        {
            error = Malformed($"signature line {number} has an invalid key name");
            return false;
        }

        if (!CanonicalBase64.TryDecode(line[(space + 1)..], out var raw))
        {
            error = Malformed($"signature line {number} ({name}) is not padded standard base64");
            return false;
        }

        if (raw.Length < 5)
        {
            error = Malformed($"signature line {number} ({name}) is shorter than a key ID and a signature");
            return false;
        }

        signature = new NoteSignature(name, BinaryPrimitives.ReadUInt32BigEndian(raw), raw.AsSpan(4));
        error = null;
        return true;
    }

    static NoteError Malformed(string message) => new(NoteErrorKind.MalformedNote, message);
}
