namespace OutcomeLedger.Core.Transparency.Tiles;

/// <summary>What was wrong with the first bad file of a tiled log.</summary>
public enum TiledLogFailure
{
    None,

    /// <summary>The checkpoint is malformed, not signed by the log key, or names another origin.</summary>
    Checkpoint,

    /// <summary>The checkpoint's tree size is above the verifier's bound.</summary>
    TooLarge,

    /// <summary>A file the checkpoint's size calls for is missing.</summary>
    Missing,

    /// <summary>A hash tile has the wrong length for its width, or a bundle is too long to be one.</summary>
    WrongLength,

    /// <summary>An entry bundle does not frame exactly the entries its width calls for.</summary>
    MalformedBundle,

    /// <summary>A hash tile (or an entry's leaf hash) is not what the entries below it give.</summary>
    HashMismatch,

    /// <summary>Entries and tiles agree, but the checkpoint's root is another tree's.</summary>
    RootMismatch,
}
