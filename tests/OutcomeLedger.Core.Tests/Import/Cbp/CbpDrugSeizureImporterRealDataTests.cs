using OutcomeLedger.Core.Import;
using OutcomeLedger.Core.Import.Cbp;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Tests.Import.Cbp;

// Checks against the shipped CBP files and the figures stated in data/PROVENANCE.md.
public class CbpDrugSeizureImporterRealDataTests
{
    static ImportResult<ImportedObservation> ImportBoth(CbpSeizureSelection selection)
    {
        using var first = ShippedData.Open(ShippedData.CbpFy19To22);
        using var second = ShippedData.Open(ShippedData.CbpFy23To26);
        return CbpDrugSeizureImporter.Import(
            [new ImportInput(ShippedData.CbpFy19To22, first), new ImportInput(ShippedData.CbpFy23To26, second)],
            selection);
    }

    static decimal FiscalYearTotal(ImportResult<ImportedObservation> result, int fiscalYear) =>
        result.Items.Where(o => InFiscalYear(o.Period, fiscalYear)).Sum(o => o.Value);

    static bool InFiscalYear(Period period, int fiscalYear) =>
        (period.MonthOfYear >= 10 ? period.Year + 1 : period.Year) == fiscalYear;

    [Theory]
    [InlineData(2021, 11_201)]
    [InlineData(2022, 14_700)]
    [InlineData(2023, 27_023)]
    [InlineData(2024, 21_889)]
    public void Import_NationwideFentanyl_ReproducesPublishedFiscalYearTotals(int fiscalYear, int pounds)
    {
        var result = ImportBoth(CbpSeizureSelection.NationwideFentanylPounds);

        Assert.True(result.Succeeded, string.Join('\n', result.Errors));
        Assert.Equal(pounds, Math.Round(FiscalYearTotal(result, fiscalYear), MidpointRounding.AwayFromZero));
    }

    [Fact]
    public void Import_BothFiles_CoversOctober2018ToDecember2025MonthByMonth()
    {
        var result = ImportBoth(CbpSeizureSelection.NationwideFentanylPounds);

        Assert.True(result.Succeeded);
        Assert.Equal(87, result.Items.Count);
        Assert.Equal("2018-10", result.Items[0].Period.ToString());
        Assert.Equal("2025-12", result.Items[^1].Period.ToString());
        Assert.Equal(result.Items.Count, result.Items.Select(o => o.Period).Distinct().Count());
        Assert.All(result.Items, o => Assert.Empty(o.Dimensions));
    }

    [Fact]
    public void Import_BothFiles_ReportsEachFileWithItsManifestHash()
    {
        var result = ImportBoth(CbpSeizureSelection.NationwideFentanylPounds);

        Assert.Equal(
            ["daa0806c41367e478d12ed742ac4a55487361b52894f46316396667b9ed3847c", "edac57a71f569253023a1ae0ec80a82748130daf4c34d146047933ab77db5b9e"],
            result.Sources.Select(s => s.Sha256?.ToHex()));
        Assert.Equal(new FileInfo(ShippedData.PathOf(ShippedData.CbpFy19To22)).Length, result.Sources[0].ByteCount);
    }

    // "2026 (FYTD)" rows are single months, not running totals: December is below November, and the three
    // months are October, November and December 2025, each once, after FY2025's September.
    [Fact]
    public void Import_FiscalYearToDateRows_AreMonthlyFiguresOfOctoberToDecember2025()
    {
        var result = ImportBoth(CbpSeizureSelection.NationwideFentanylPounds);

        var fytd = result.Items.Where(o => o.Note is not null).ToList();
        Assert.Equal(["2025-10", "2025-11", "2025-12"], fytd.Select(o => o.Period.ToString()));
        Assert.All(fytd, o => Assert.Contains("2026", o.Note, StringComparison.Ordinal));
        Assert.Equal(1016.6m, Math.Round(fytd[0].Value, 1));
        Assert.Equal(1512.1m, Math.Round(fytd[1].Value, 1));
        Assert.Equal(869.6m, Math.Round(fytd[2].Value, 1));
        Assert.Equal(3398m, Math.Round(FiscalYearTotal(result, 2026)));
    }

    [Fact]
    public void Import_SouthwestLandBorderFentanyl_KeepsOnlyLandOnlySouthwestRows()
    {
        var southwest = ImportBoth(CbpSeizureSelection.SouthwestLandBorderFentanylPounds);
        var nationwide = ImportBoth(CbpSeizureSelection.NationwideFentanylPounds);

        Assert.True(southwest.Succeeded, string.Join('\n', southwest.Errors));
        Assert.Equal(87, southwest.Items.Count);
        Assert.Equal(26_693m, Math.Round(FiscalYearTotal(southwest, 2023)));
        Assert.All(southwest.Items, o => Assert.True(o.Value <= nationwide.Items.Single(n => n.Period == o.Period).Value));
    }

    [Fact]
    public void Import_GroupByRegion_SumsToTheNationwideSeries()
    {
        var byRegion = ImportBoth(CbpSeizureSelection.NationwideFentanylPounds with { GroupBy = [CbpDimension.Region] });
        var nationwide = ImportBoth(CbpSeizureSelection.NationwideFentanylPounds);

        Assert.True(byRegion.Succeeded);
        Assert.Equal(
            ["Coastal/Interior", "Northern Border", "Southwest Border"],
            byRegion.Items.Select(o => o.Dimensions["region"]).Distinct().Order(StringComparer.Ordinal));
        foreach (var month in nationwide.Items)
        {
            Assert.Equal(month.Value, byRegion.Items.Where(o => o.Period == month.Period).Sum(o => o.Value));
        }
    }

    [Fact]
    public void Import_EventCounts_AreWholeNumbers()
    {
        var events = ImportBoth(CbpSeizureSelection.SouthwestLandBorderFentanylPounds with { Measure = CbpMeasure.EventCount });

        Assert.True(events.Succeeded);
        Assert.All(events.Items, o => Assert.Equal(decimal.Truncate(o.Value), o.Value));
        Assert.All(events.Items, o => Assert.True(o.Value > 0));
    }

    [Fact]
    public void Import_SameFileTwice_ReportsEveryRowAsDoubleCounted()
    {
        using var first = ShippedData.Open(ShippedData.CbpFy23To26);
        using var again = ShippedData.Open(ShippedData.CbpFy23To26);

        var result = CbpDrugSeizureImporter.Import(
            [new ImportInput("a.csv", first), new ImportInput("b.csv", again)],
            CbpSeizureSelection.NationwideFentanylPounds);

        Assert.False(result.Succeeded);
        Assert.Empty(result.Items);
        Assert.Equal(7895, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal("b.csv", e.File));
    }
}
