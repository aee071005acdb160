namespace OutcomeLedger.Core.Transparency.Notes;

/// <summary>Verifies note signatures made with one key, identified by its name and key ID (c2sp.org/signed-note).</summary>
public abstract class NoteVerifier
{
    protected NoteVerifier(string name, uint keyId)
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

    /// <summary>Reports whether <paramref name="signature"/> (the bytes after the key ID) signs <paramref name="text"/>.</summary>
    public abstract bool Verify(ReadOnlySpan<byte> text, ReadOnlySpan<byte> signature);

    public override string ToString() => $"{Name}+{KeyId:x8}";
}
