using System.Text;
using OutcomeLedger.Core.Import;
using OutcomeLedger.Core.Import.Mapped;

namespace OutcomeLedger.Core.Tests.Import.Mapped;

public class MappedCsvImporterTests
{
    static ColumnMapping Mapping(string text)
    {
        Assert.True(ColumnMapping.TryParse(text, out var mapping, out var error), error);
        return mapping;
    }

    static ImportResult<ImportedObservation> Import(string csv, string mapping = "period=Month,value=Total,region=Region", MappedCsvRules? rules = null) =>
        MappedCsvImporter.Import(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "m.csv", Mapping(mapping), rules);

    [Fact]
    public void Import_MappedColumns_BecomeObservationsAndOtherColumnsAreIgnored()
    {
        var result = Import("\uFEFFRegion,Month,Total,Comment\r\nNorth,2025-02,\"1.5\",x\r\nSouth,2025-01,2,\"a, \"\"b\"\"\r\nc\"\r\n");

        Assert.True(result.Succeeded, string.Join('\n', result.Errors));
        Assert.Equal(
            [("2025-01", "South", 2m, 3), ("2025-02", "North", 1.5m, 2)],
            result.Items.Select(o => (o.Period.ToString(), o.Dimensions["region"], o.Value, o.SourceLine)));
        Assert.NotNull(result.Sources[0].Sha256);
    }

    [Fact]
    public void Import_NoteColumn_IsKeptAndEmptyNoteIsNull()
    {
        var result = Import("Month,Total,Remark\n2025-01,1,provisional\n2025-02,2,\n", "period=Month,value=Total,note=Remark");

        Assert.Equal(["provisional", null], result.Items.Select(o => o.Note));
        Assert.All(result.Items, o => Assert.Empty(o.Dimensions));
    }

    [Fact]
    public void Import_EveryBadRow_IsListedWithLineAndColumn()
    {
        var result = Import(
            "Month,Total,Region\n" +
            "2025-13,1,North\n" +
            "2025-1,1,North\n" +
            "1800-01,1,North\n" +
            "2025-01,\"1,5\",North\n" +
            "2025-01,-2,North\n" +
            "2025-01,1,\n" +
            "2025-01,1\n" +
            "2025-02,1,North\n" +
            "2025-02,2,North\n");

        Assert.Empty(result.Items);
        Assert.Equal(
            [(2, "Month"), (3, "Month"), (4, "Month"), (5, "Total"), (6, "Total"), (7, "Region"), (8, ""), (10, "")],
            result.Errors.Select(e => (e.Line, e.Column)));
        Assert.Contains("line 9", result.Errors[^1].Message, StringComparison.Ordinal);
    }

    // Issue 12, Why 9: 1e-30 became 0, a 34-digit value was rounded, "5\0" was read as 5; now each is refused by file, line and column, and nothing is imported.
    [Fact]
    public void Import_ValuesThatCannotBeStoredExactly_AreRefusedWithFileLineAndColumn()
    {
        var result = Import(
            "Month,Total,Region\n" +
            "2025-01,1e-30,North\n" +
            "2025-02,1234567890.123456789012345678901234,North\n" +
            "2025-03,5\0,North\n" +
            "2025-04,4,North\n");

        Assert.False(result.Succeeded);
        Assert.Empty(result.Items);
        Assert.Equal([("m.csv", 2, "Total"), ("m.csv", 3, "Total"), ("m.csv", 4, "Total")], result.Errors.Select(e => (e.File, e.Line, e.Column)));
        Assert.Contains("30 decimal places", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("34 significant digits", result.Errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("control character (U+0000)", result.Errors[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_MissingMappedColumn_IsAHeaderError()
    {
        var result = Import("Month,Amount\n2025-01,1\n");

        Assert.Equal(["Total", "Region"], result.Errors.Select(e => e.Column));
        Assert.All(result.Errors, e => Assert.Equal(1, e.Line));
    }

    [Fact]
    public void Import_SumDuplicates_AddsRowsOfTheSameSeriesAndMonth()
    {
        var result = Import("Month,Total,Region\n2025-01,1.25,North\n2025-01,2,North\n2025-01,4,South\n", rules: new MappedCsvRules { SumDuplicates = true });

        Assert.Equal([("North", 3.25m, 2), ("South", 4m, 4)], result.Items.Select(o => (o.Dimensions["region"], o.Value, o.SourceLine)));
    }

    [Fact]
    public void Import_NegativeValuesAllowed_AreKept()
    {
        var result = Import("Month,Total,Region\n2025-01,-1.5,North\n", rules: new MappedCsvRules { AllowNegativeValues = true });

        Assert.Equal(-1.5m, Assert.Single(result.Items).Value);
    }

    [Fact]
    public void Import_SyntaxError_NamesLineAndColumn()
    {
        var result = Import("Month,Total,Region\n2025-01,1,North\n2025-02,\"2\"x,North\n2025-03,3,\"South\n");

        Assert.Equal([(3, "Total"), (4, "Region")], result.Errors.Select(e => (e.Line, e.Column)));
    }
}
