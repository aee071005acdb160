using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Import.Cbp;

/// <summary>
/// One row of CBP's nationwide drug seizures file: one fiscal month, component, region, land filter, area of
/// responsibility and drug type. <see cref="Period"/> is the calendar month (FY2026 OCT is 2025-10).
/// <see cref="FiscalYearToDate"/> marks rows labelled "2026 (FYTD)": the fiscal year was still in progress
/// when the file was published, but each row is still one month's figure, not a running total.
/// </summary>
public sealed record CbpDrugSeizureRow(
    int FiscalYear,
    bool FiscalYearToDate,
    Period Period,
    string Component,
    string Region,
    string LandFilter,
    string AreaOfResponsibility,
    string DrugType,
    long EventCount,
    decimal Pounds,
    string SourceFile,
    int SourceLine)
{
    public DataProvenance Provenance { get; } = DataProvenance.PublishedDataset;
}
