using OutcomeLedger.Core.Transparency.Notes;

namespace OutcomeLedger.Core.Transparency.Tiles;

/// <summary>
/// The outcome of verifying a whole tiled log: valid, with the checkpoint and what was checked, or the first
/// failure with the file it is in (a tile path such as <c>tile/0/001.p/44</c>, or <c>checkpoint</c>).
/// </summary>
public sealed record TiledLogCheck(
    TiledLogFailure Failure, string? File, string Message, Checkpoint? Checkpoint = null, ulong EntryCount = 0, long HashTileCount = 0)
{
    public bool IsValid => Failure == TiledLogFailure.None;

    public override string ToString() => IsValid ? Message : $"{File}: {Message}";
}
