using OutcomeLedger.Core.Import.Cbp;
using OutcomeLedger.Core.Import.Cdc;
using OutcomeLedger.Core.Import.Mapped;

namespace OutcomeLedger.Core.Import.Formats;

/// <summary>
/// The published sources' readers as <see cref="SourceFormat"/>s, one definition each, for the hosts that import or
/// check them: <c>outcomes import|verify-source cbp|cdc|csv</c> and the API's imports and source checks.
/// </summary>
public static class SourceFormats
{
    public const string CbpDataset = "U.S. CBP nationwide drug seizures";
    public const string CbpUrl = "https://www.cbp.gov/document/stats/nationwide-drug-seizures";
    public const string CdcDataset = "CDC NCHS VSRR provisional drug overdose death counts (data.cdc.gov xkb8-kh2a)";
    public const string CdcUrl = "https://data.cdc.gov/resource/xkb8-kh2a.json";

    /// <summary>CBP nationwide drug seizure files, filtered and summed per calendar month by <paramref name="selection"/>.</summary>
    public static SourceFormat Cbp(CbpSeizureSelection selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        return new SourceFormat(CbpDataset, CbpUrl, (files, options) => [CbpDrugSeizureImporter.Import(files, selection, options)],
            // FYTD rows belong to the fiscal year in progress, which CBP revises as the year goes on.
            o => o.Note?.Contains("(FYTD", StringComparison.Ordinal) == true);
    }

    /// <summary>CDC VSRR provisional overdose death counts (12-month-ending values) of <paramref name="selection"/>.</summary>
    public static SourceFormat Cdc(CdcOverdoseSelection selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        // The importer reads one file at a time; several files are one import, all or nothing.
        return new SourceFormat(CdcDataset, CdcUrl, (files, options) => [.. files.Select(f => CdcOverdoseImporter.Import(f.Content, f.FileName, selection, options))], IsCdcProvisional);
    }

    /// <summary>Any CSV file read through a column mapping, recorded as <paramref name="dataset"/>.</summary>
    public static SourceFormat MappedCsv(string dataset, ColumnMapping mapping, MappedCsvRules rules)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(rules);
        return new SourceFormat(dataset, null, (files, options) => [.. files.Select(f => MappedCsvImporter.Import(f.Content, f.FileName, mapping, rules, options))], _ => false);
    }

    // CDC's footnotes say when a count is provisional: recent periods are "underreported due to incomplete data", and
    // every provisional count "may differ from published reports using final data".
    static bool IsCdcProvisional(ImportedObservation observation) =>
        observation.Note is { } note
        && (note.Contains("Underreported", StringComparison.OrdinalIgnoreCase) || note.Contains("final data", StringComparison.OrdinalIgnoreCase));
}
