namespace OutcomeLedger.Core.Transparency.Notes;

/// <summary>Why untrusted note, key or checkpoint input was rejected. Messages never contain private key material.</summary>
public sealed record NoteError(NoteErrorKind Kind, string Message)
{
    public override string ToString() => Message;
}
