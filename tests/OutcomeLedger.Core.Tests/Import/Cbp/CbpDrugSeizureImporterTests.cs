using System.Text;
using OutcomeLedger.Core.Import;
using OutcomeLedger.Core.Import.Cbp;

namespace OutcomeLedger.Core.Tests.Import.Cbp;

public class CbpDrugSeizureImporterTests
{
    const string Header = "FY,Month (abbv),Component,Region,Land Filter,Area of Responsibility,Drug Type,Count of Event,Sum Qty (lbs)\r\n";

    static MemoryStream Csv(params string[] rows) => new(Encoding.UTF8.GetBytes(Header + string.Concat(rows.Select(r => r + "\r\n"))));

    static ImportResult<ImportedObservation> Import(CbpSeizureSelection selection, params string[] rows) =>
        CbpDrugSeizureImporter.Import([new ImportInput("cbp.csv", Csv(rows))], selection);

    static readonly CbpSeizureSelection AllPounds = new();

    [Fact]
    public void ReadRows_FiscalYearMonths_MapToCalendarMonths()
    {
        var result = CbpDrugSeizureImporter.ReadRows(Csv(
            "2026 (FYTD),OCT,Office of Field Operations,Southwest Border,Land Only,SAN DIEGO FIELD OFFICE,Fentanyl,3,10.5",
            "2025,SEP,U.S. Border Patrol,Southwest Border,Land Only,TUCSON SECTOR,Fentanyl,1,2",
            "2025,jan,U.S. Border Patrol,Southwest Border,Land Only,TUCSON SECTOR,Fentanyl,1,2"), "cbp.csv");

        Assert.True(result.Succeeded);
        Assert.Equal(["2025-10", "2025-09", "2025-01"], result.Items.Select(r => r.Period.ToString()));
        Assert.Equal([true, false, false], result.Items.Select(r => r.FiscalYearToDate));
        Assert.Equal([2026, 2025, 2025], result.Items.Select(r => r.FiscalYear));
        Assert.Equal([2, 3, 4], result.Items.Select(r => r.SourceLine));
        Assert.All(result.Items, r => Assert.Equal(DataProvenance.PublishedDataset, r.Provenance));
    }

    [Fact]
    public void ReadRows_EveryBadField_IsListedWithLineAndColumn()
    {
        var result = CbpDrugSeizureImporter.ReadRows(Csv(
            "2025,JAN,Office of Field Operations,Southwest Border,Land Only,X,Fentanyl,1,2",
            "FY25,JAN,Office of Field Operations,Southwest Border,Land Only,X,Fentanyl,1,2",
            "2025,JANUARY,Office of Field Operations,Southwest Border,Land Only,X,Fentanyl,1,2",
            "2025,JAN,,Southwest Border,Land Only,X,Fentanyl,1,2",
            "2025,JAN,Office of Field Operations,Southwest Border,Land Only,X,Fentanyl,-1,2",
            "2025,JAN,Office of Field Operations,Southwest Border,Land Only,X,Fentanyl,1,-2",
            "2025,JAN,Office of Field Operations,Southwest Border,Land Only,X,Fentanyl,1,\"1,5\"",
            "1985,JAN,Office of Field Operations,Southwest Border,Land Only,X,Fentanyl,1,2",
            "2025,JAN,Office of Field Operations,Southwest Border,Land Only,X,Fentanyl,1"), "cbp.csv");

        Assert.False(result.Succeeded);
        Assert.Empty(result.Items);
        Assert.Equal(
            [(3, "FY"), (4, "Month (abbv)"), (5, "Component"), (6, "Count of Event"), (7, "Sum Qty (lbs)"), (8, "Sum Qty (lbs)"), (9, "FY"), (10, "")],
            result.Errors.Select(e => (e.Line, e.Column)));
        Assert.All(result.Errors, e => Assert.Equal("cbp.csv", e.File));
    }

    [Fact]
    public void ReadRows_ChangedFormat_IsRefused()
    {
        var result = CbpDrugSeizureImporter.ReadRows(new MemoryStream(Encoding.UTF8.GetBytes("FY,Month,Drug Type,Sum Qty (lbs)\n2025,JAN,Fentanyl,1\n")), "cbp.csv");

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Column == "Month (abbv)");
        Assert.Contains(result.Errors, e => e.Column == "Month" && e.Message.Contains("unexpected", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_SumsSelectedRowsPerMonth()
    {
        var result = Import(CbpSeizureSelection.SouthwestLandBorderFentanylPounds,
            "2025,JAN,Office of Field Operations,Southwest Border,Land Only,SAN DIEGO FIELD OFFICE,Fentanyl,3,10.25",
            "2025,JAN,U.S. Border Patrol,Southwest Border,Land Only,TUCSON SECTOR,Fentanyl,1,0.5",
            "2025,JAN,Office of Field Operations,Southwest Border,Other,SAN DIEGO FIELD OFFICE,Fentanyl,1,100",
            "2025,JAN,Office of Field Operations,Northern Border,Land Only,DETROIT FIELD OFFICE,Fentanyl,1,100",
            "2025,JAN,Office of Field Operations,Southwest Border,Land Only,SAN DIEGO FIELD OFFICE,Cocaine,1,100",
            "2025,FEB,U.S. Border Patrol,southwest border,Land Only,TUCSON SECTOR,Fentanyl,2,4");

        Assert.True(result.Succeeded, string.Join('\n', result.Errors));
        Assert.Equal([("2025-01", 10.75m), ("2025-02", 4m)], result.Items.Select(o => (o.Period.ToString(), o.Value)));
        Assert.Equal(2, result.Items[0].SourceLine);
        Assert.Equal("cbp.csv", result.Items[0].SourceFile);
        Assert.Null(result.Items[0].Note);
    }

    [Fact]
    public void Import_EventCountMeasure_SumsEvents()
    {
        var result = Import(AllPounds with { Measure = CbpMeasure.EventCount },
            "2025,JAN,Office of Field Operations,Southwest Border,Land Only,A,Fentanyl,3,10",
            "2025,JAN,U.S. Border Patrol,Southwest Border,Land Only,B,Fentanyl,4,1");

        Assert.Equal(7m, Assert.Single(result.Items).Value);
    }

    [Fact]
    public void Import_GroupByComponentAndDrug_KeepsThemAsDimensions()
    {
        var result = Import(AllPounds with { GroupBy = [CbpDimension.Component, CbpDimension.DrugType] },
            "2025,JAN,Office of Field Operations,Southwest Border,Land Only,A,Fentanyl,3,10",
            "2025,JAN,Office of Field Operations,Northern Border,Land Only,B,Fentanyl,3,5",
            "2025,JAN,U.S. Border Patrol,Southwest Border,Land Only,C,Fentanyl,4,1",
            "2025,JAN,U.S. Border Patrol,Southwest Border,Land Only,C,Cocaine,4,2");

        Assert.Equal(3, result.Items.Count);
        var ofo = result.Items.Single(o => o.Dimensions["component"] == "Office of Field Operations");
        Assert.Equal(15m, ofo.Value);
        Assert.Equal("Fentanyl", ofo.Dimensions["drug_type"]);
        Assert.Equal(["component", "drug_type"], ofo.Dimensions.Keys);
    }

    [Fact]
    public void Import_FiscalYearToDateRows_AreNotedAndCountedOnce()
    {
        var result = Import(AllPounds,
            "2025,DEC,U.S. Border Patrol,Southwest Border,Land Only,A,Fentanyl,1,7",
            "2026 (FYTD),DEC,U.S. Border Patrol,Southwest Border,Land Only,A,Fentanyl,1,5");

        Assert.Equal([("2024-12", 7m), ("2025-12", 5m)], result.Items.Select(o => (o.Period.ToString(), o.Value)));
        Assert.Null(result.Items[0].Note);
        Assert.Contains("fiscal year 2026 to date", result.Items[1].Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_SameFiscalMonthTwiceEvenAsFytd_IsADoubleCountError()
    {
        var result = Import(AllPounds,
            "2026,OCT,U.S. Border Patrol,Southwest Border,Land Only,A,Fentanyl,1,7",
            "2026 (FYTD),OCT,U.S. Border Patrol,Southwest Border,Land Only,A,Fentanyl,1,7");

        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
        Assert.Contains("cbp.csv:2", error.Message, StringComparison.Ordinal);
        Assert.Empty(result.Items);
    }

    [Fact]
    public void Import_FilterValueMatchingNoRow_ListsTheValuesPresent()
    {
        var result = Import(AllPounds with { Regions = ["Southwest Land Border"], DrugTypes = ["Fentanil"] },
            "2025,JAN,U.S. Border Patrol,Southwest Border,Land Only,A,Fentanyl,1,7");

        Assert.Equal(2, result.Errors.Count);
        var region = result.Errors.Single(e => e.Column == "Region");
        Assert.Contains("'Southwest Land Border' matches no row", region.Message, StringComparison.Ordinal);
        Assert.Contains("'Southwest Border'", region.Message, StringComparison.Ordinal);
        Assert.Contains(result.Errors, e => e.Column == "Drug Type");
    }

    [Fact]
    public void Import_AnyFileWithErrors_FailsTheWholeImport()
    {
        var good = Csv("2025,JAN,U.S. Border Patrol,Southwest Border,Land Only,A,Fentanyl,1,7");
        var bad = Csv("2025,JAN,U.S. Border Patrol,Southwest Border,Land Only,A,Fentanyl,1,seven");

        var result = CbpDrugSeizureImporter.Import([new ImportInput("good.csv", good), new ImportInput("bad.csv", bad)], AllPounds);

        Assert.Empty(result.Items);
        Assert.Equal("bad.csv", Assert.Single(result.Errors).File);
        Assert.Equal(2, result.Sources.Count);
        Assert.All(result.Sources, s => Assert.NotNull(s.Sha256));
    }

    [Fact]
    public void Import_ZeroFillRequested_AddsCoveredMonthsWithoutSelectedRows()
    {
        var result = Import(CbpSeizureSelection.NationwideFentanylPounds with { IncludeMonthsWithoutSeizuresAsZero = true },
            "2025,JAN,U.S. Border Patrol,Southwest Border,Land Only,A,Fentanyl,1,7",
            "2025,FEB,U.S. Border Patrol,Southwest Border,Land Only,A,Cocaine,1,7",
            "2025,MAR,U.S. Border Patrol,Southwest Border,Land Only,A,Fentanyl,1,2");

        Assert.Equal([("2025-01", 7m), ("2025-02", 0m), ("2025-03", 2m)], result.Items.Select(o => (o.Period.ToString(), o.Value)));
        Assert.Contains("none were recorded", result.Items[1].Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_WithoutZeroFill_LeavesMonthsWithoutSelectedRowsOut()
    {
        var result = Import(CbpSeizureSelection.NationwideFentanylPounds,
            "2025,JAN,U.S. Border Patrol,Southwest Border,Land Only,A,Fentanyl,1,7",
            "2025,FEB,U.S. Border Patrol,Southwest Border,Land Only,A,Cocaine,1,7");

        Assert.Equal(["2025-01"], result.Items.Select(o => o.Period.ToString()));
    }

    [Fact]
    public void Aggregate_EmptyFilterList_IsABug() =>
        Assert.Throws<ArgumentException>(() => CbpDrugSeizureImporter.Aggregate([], AllPounds with { Regions = [] }));

    [Fact]
    public void Aggregate_SameDimensionGroupedTwice_IsABug() =>
        Assert.Throws<ArgumentException>(() => CbpDrugSeizureImporter.Aggregate([], AllPounds with { GroupBy = [CbpDimension.Region, CbpDimension.Region] }));
}
