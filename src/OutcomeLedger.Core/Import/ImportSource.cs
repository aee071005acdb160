using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Import;

/// <summary>
/// The file an import read: its name and the SHA-256 of its bytes, computed while reading.
/// <see cref="Sha256"/> is null only when the file was not read to its end because it exceeded
/// <see cref="ImportOptions.MaxFileBytes"/>; such an import always has an error.
/// </summary>
public sealed record ImportSource(string FileName, Hash? Sha256, long ByteCount);
