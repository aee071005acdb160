using System.Text;
using OutcomeLedger.Core.Import;
using OutcomeLedger.Core.Import.Cdc;

namespace OutcomeLedger.Core.Tests.Import.Cdc;

public class CdcOverdoseImporterTests
{
    const string Header = "state,year,month,period,indicator,percent_complete,percent_pending_investigation,state_name,footnote,footnote_symbol,data_value,predicted_value\n";
    const string T404 = "\"Synthetic opioids, excl. methadone (T40.4)\"";

    static string Row(string state, string year, string month, string dataValue, string predicted = "1", string footnote = "Numbers may differ.", string period = "12 month-ending", string percent = "100", string indicator = T404) =>
        $"{state},{year},{month},{period},{indicator},{percent},0,Name,{footnote},**,{dataValue},{predicted}";

    static ImportResult<ImportedObservation> Import(CdcOverdoseSelection selection, params string[] rows) =>
        CdcOverdoseImporter.Import(new MemoryStream(Encoding.UTF8.GetBytes(Header + string.Join('\n', rows) + "\n")), "cdc.csv", selection);

    static readonly CdcOverdoseSelection Us = CdcOverdoseSelection.UnitedStatesSyntheticOpioids;

    [Fact]
    public void Import_SelectsStateAndIndicator_PeriodIsTheEndingMonth()
    {
        var result = Import(Us,
            Row("US", "2023", "June", "77695", "78308"),
            Row("AK", "2023", "June", "10"),
            Row("US", "2023", "July", "77000", footnote: "\"Underreported, see notes.\""),
            Row("US", "2023", "June", "5", indicator: "\"Heroin (T40.1)\""));

        Assert.True(result.Succeeded, string.Join('\n', result.Errors));
        Assert.Equal([("2023-06", 77695m, 2), ("2023-07", 77000m, 4)], result.Items.Select(o => (o.Period.ToString(), o.Value, o.SourceLine)));
        Assert.Equal("Underreported, see notes.", result.Items[1].Note);
    }

    [Fact]
    public void Import_WithheldValue_IsSkippedWithCdcsReason()
    {
        var result = Import(Us,
            Row("US", "2023", "June", "", "", "Data not shown due to low data quality."),
            Row("US", "2023", "July", "", "12", "Numbers may differ.  Data suppressed (<10)."),
            Row("US", "2023", "August", "20"));

        Assert.True(result.Succeeded);
        Assert.Equal(["2023-08"], result.Items.Select(o => o.Period.ToString()));
        Assert.Equal([(2, "2023-06"), (3, "2023-07")], result.Skipped.Select(s => (s.Line, s.Period.ToString())));
        Assert.Contains("low data quality", result.Skipped[0].Reason, StringComparison.Ordinal);
        Assert.Contains("suppressed", result.Skipped[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_PredictedValue_UsedWhenReportedIsSuppressed()
    {
        var result = Import(Us with { ValueKind = CdcValueKind.Predicted }, Row("US", "2023", "July", "", "12", "Data suppressed (<10)."));

        Assert.Equal(12m, Assert.Single(result.Items).Value);
        Assert.Empty(result.Skipped);
    }

    [Fact]
    public void Import_EmptyValueWithoutReason_IsAnError()
    {
        var result = Import(Us, Row("US", "2023", "June", ""));

        var error = Assert.Single(result.Errors);
        Assert.Equal(("data_value", 2), (error.Column, error.Line));
        Assert.Empty(result.Skipped);
    }

    [Fact]
    public void Import_EveryBadRow_IsListed()
    {
        var result = Import(Us,
            Row("US", "2023", "Juni", "1"),
            Row("US", "23", "June", "1"),
            Row("US", "1980", "June", "1"),
            Row("US", "2023", "June", "-4"),
            Row("US", "2023", "July", "4.5"),
            Row("US", "2023", "August", "1", period: "monthly"),
            Row("US", "2023", "September", "1", percent: "101"),
            Row("US", "2023", "May", "1,000"),
            Row("", "2023", "June", "1"));

        Assert.Empty(result.Items);
        Assert.Equal(
            [(2, "month"), (3, "year"), (4, "year"), (5, "data_value"), (6, "data_value"), (7, "period"), (8, "percent_complete"), (9, ""), (10, "state")],
            result.Errors.Select(e => (e.Line, e.Column)));
    }

    [Fact]
    public void Import_DuplicateMonth_IsAnErrorNamingTheFirstLine()
    {
        var result = Import(Us, Row("US", "2023", "June", "1"), Row("US", "2023", "June", "2"));

        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_UnknownIndicator_ListsIndicatorsPresent()
    {
        var result = Import(Us with { Indicator = "Fentanyl" }, Row("US", "2023", "June", "1"));

        var error = Assert.Single(result.Errors);
        Assert.Equal("indicator", error.Column);
        Assert.Contains("(T40.4)", error.Message, StringComparison.Ordinal);
    }
}
