namespace OutcomeLedger.Core.Import;

/// <summary>What the importer read from every file, as one all-or-nothing result: any error in any file leaves no observation.</summary>
public sealed record SourceRead(IReadOnlyList<ImportSource> Sources, IReadOnlyList<ImportedObservation> Items, IReadOnlyList<ImportError> Errors, IReadOnlyList<SkippedRow> Skipped)
{
    public bool Succeeded => Errors.Count == 0;

    public static SourceRead Of(IReadOnlyList<ImportResult<ImportedObservation>> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var errors = results.SelectMany(r => r.Errors).ToList();
        return new SourceRead(
            [.. results.SelectMany(r => r.Sources)],
            errors.Count == 0 ? [.. results.SelectMany(r => r.Items)] : [],
            errors,
            [.. results.SelectMany(r => r.Skipped)]);
    }
}
