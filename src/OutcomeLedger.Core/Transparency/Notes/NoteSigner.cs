namespace OutcomeLedger.Core.Transparency.Notes;

/// <summary>Signs note texts with one key, identified by its name and key ID (c2sp.org/signed-note).</summary>
public abstract class NoteSigner
{
    protected NoteSigner(string name, uint keyId)
    {
        if (!NoteKeyName.IsValid(name))
        {
            throw new ArgumentException("not a valid note key name", nameof(name));
        }

        Name = name;
        KeyId = keyId;
    }

    public string Name { get; }

    public uint KeyId { get; }

    /// <summary>The verifier for this signer's signatures.</summary>
    public abstract NoteVerifier Verifier { get; }

    /// <summary>Signs <paramref name="text"/> and returns the signature bytes that follow the key ID.</summary>
    public abstract byte[] Sign(ReadOnlySpan<byte> text);

    public override string ToString() => $"{Name}+{KeyId:x8}";
}
