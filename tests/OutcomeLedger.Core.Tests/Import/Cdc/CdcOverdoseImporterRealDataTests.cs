using OutcomeLedger.Core.Import;
using OutcomeLedger.Core.Import.Cdc;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Tests.Import.Cdc;

// Checks against the shipped CDC file and the figures stated in data/PROVENANCE.md.
public class CdcOverdoseImporterRealDataTests
{
    static ImportResult<ImportedObservation> Import(CdcOverdoseSelection selection)
    {
        using var file = ShippedData.Open(ShippedData.Cdc);
        return CdcOverdoseImporter.Import(file, ShippedData.Cdc, selection);
    }

    [Fact]
    public void Import_UnitedStatesSyntheticOpioids_PeaksAt77695InTheYearEndingJune2023()
    {
        var result = Import(CdcOverdoseSelection.UnitedStatesSyntheticOpioids);

        Assert.True(result.Succeeded, string.Join('\n', result.Errors));
        var peak = result.Items.MaxBy(o => o.Value)!;
        Assert.Equal("2023-06", peak.Period.ToString());
        Assert.Equal(77_695m, peak.Value);
        Assert.Empty(peak.Dimensions);
    }

    [Fact]
    public void Import_UnitedStatesSyntheticOpioids_IsMonthlyFromJanuary2015ToJanuary2026WithoutGaps()
    {
        var result = Import(CdcOverdoseSelection.UnitedStatesSyntheticOpioids);

        Assert.Equal(133, result.Items.Count);
        Assert.Equal("2015-01", result.Items[0].Period.ToString());
        Assert.Equal("2026-01", result.Items[^1].Period.ToString());
        Assert.Empty(result.Skipped);
        Assert.Equal("71535fc385706401c88a1016558f2a9b805fd4b41ae80e22d593172f4e99af0e", Assert.Single(result.Sources).Sha256?.ToHex());
    }

    [Fact]
    public void Import_RecentMonths_KeepTheUnderreportedFootnote()
    {
        var result = Import(CdcOverdoseSelection.UnitedStatesSyntheticOpioids);

        var latest = result.Items[^1];
        Assert.Equal(36_825m, latest.Value);
        Assert.Equal("Underreported due to incomplete data.", latest.Note);
    }

    [Fact]
    public void Import_PredictedValues_ReadsPredictedColumn()
    {
        var result = Import(CdcOverdoseSelection.UnitedStatesSyntheticOpioids with { ValueKind = CdcValueKind.Predicted });

        Assert.Equal(78_308m, result.Items.Single(o => o.Period == Period.Month(2023, 6)).Value);
    }

    [Fact]
    public void Import_AllStates_SkipsWithheldValuesWithCdcsReason()
    {
        var result = Import(CdcOverdoseSelection.UnitedStatesSyntheticOpioids with { State = null });

        Assert.True(result.Succeeded);
        Assert.Equal(5489, result.Items.Count);
        Assert.Equal(1427, result.Skipped.Count);
        Assert.Equal(6916, result.Items.Count + result.Skipped.Count);
        Assert.All(result.Items, o => Assert.Single(o.Dimensions));
        var alaska = result.Skipped.First(s => s.Reason.StartsWith("AK:", StringComparison.Ordinal));
        Assert.Equal("2015-01", alaska.Period.ToString());
        Assert.Equal(2, alaska.Line);
        Assert.Contains("low data quality", alaska.Reason, StringComparison.Ordinal);
        Assert.Contains(result.Skipped, s => s.Reason.Contains("Data suppressed (<10)", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_UnknownState_ListsTheStatesInTheFile()
    {
        var result = Import(CdcOverdoseSelection.UnitedStatesSyntheticOpioids with { State = "USA" });

        var error = Assert.Single(result.Errors);
        Assert.Equal("state", error.Column);
        Assert.Contains("'USA'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'US'", error.Message, StringComparison.Ordinal);
        Assert.Empty(result.Items);
    }
}
