namespace OutcomeLedger.Core.Import;

/// <summary>
/// The outcome of an import, all or nothing: either every item and no error, or no item and every error found
/// (each bad row is listed, not only the first). <see cref="Sources"/> names every file read, with its SHA-256,
/// in both cases; <see cref="Skipped"/> lists rows that carry no value for a reason the publisher gave.
/// </summary>
public sealed class ImportResult<T>
{
    ImportResult(IReadOnlyList<ImportSource> sources, IReadOnlyList<T> items, IReadOnlyList<ImportError> errors, IReadOnlyList<SkippedRow> skipped)
    {
        Sources = sources;
        Items = items;
        Errors = errors;
        Skipped = skipped;
    }

    public IReadOnlyList<ImportSource> Sources { get; }

    /// <summary>The items read; empty whenever there is an error.</summary>
    public IReadOnlyList<T> Items { get; }

    public IReadOnlyList<ImportError> Errors { get; }

    public IReadOnlyList<SkippedRow> Skipped { get; }

    public bool Succeeded => Errors.Count == 0;

    /// <summary>Builds a result, dropping every item when there is any error (an import is all or nothing).</summary>
    internal static ImportResult<T> Create(IReadOnlyList<ImportSource> sources, IReadOnlyList<T> items, IReadOnlyList<ImportError> errors, IReadOnlyList<SkippedRow>? skipped = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count == 0
            ? new ImportResult<T>([.. sources], [.. items], [], [.. skipped ?? []])
            : new ImportResult<T>([.. sources], [], [.. errors], [.. skipped ?? []]);
    }
}
