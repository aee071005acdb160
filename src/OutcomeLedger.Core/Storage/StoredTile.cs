namespace OutcomeLedger.Core.Storage;

/// <summary>A hash tile's bytes at (level, index); a wider write replaces a narrower partial tile.</summary>
public sealed record StoredTile(int Level, ulong Index, byte[] Data);
