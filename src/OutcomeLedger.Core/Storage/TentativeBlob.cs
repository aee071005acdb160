namespace OutcomeLedger.Core.Storage;

/// <summary>
/// An evidence file stored for entries not logged yet (<see cref="IBlobStore.PutTentativeAsync"/>): its SHA-256, and
/// the claim of the put that wrote it, or null when the file was already stored (then it is never taken back).
/// </summary>
public sealed record TentativeBlob(string Sha256, string? Claim)
{
    /// <summary>Whether this put wrote the file (and so may take it back if its entries are not logged).</summary>
    public bool Created => Claim is not null;
}
