namespace OutcomeLedger.Core.Transparency.Notes;

/// <summary>The signature type identifier bytes we implement (c2sp.org/signed-note "Signature types").</summary>
public enum NoteKeyType : byte
{
    /// <summary>Ed25519 over the note text (c2sp.org/signed-note).</summary>
    Ed25519 = 0x01,

    /// <summary>Timestamped Ed25519 witness cosignatures (c2sp.org/tlog-cosignature).</summary>
    CosignatureV1 = 0x04,
}
