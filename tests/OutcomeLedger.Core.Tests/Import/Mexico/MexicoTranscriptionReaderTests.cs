using System.Text;
using OutcomeLedger.Core.Import;
using OutcomeLedger.Core.Import.Mexico;

namespace OutcomeLedger.Core.Tests.Import.Mexico;

public class MexicoTranscriptionReaderTests
{
    const string TransferHeader = "date,persons_transferred,cumulative_running_sum,legal_basis,death_penalty_assurance,us_source,mx_source,found_at_url\n";
    const string CabinetHeader = "period_start,period_end,metric,qualifier,value,unit,original_publisher,transcribed_from_url,note\n";

    static MemoryStream Text(string text) => new(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void ReadTransfers_ShippedFile_HasTheThreeAnnouncedTransfers()
    {
        using var file = ShippedData.Open(ShippedData.MexicoTransfers);

        var result = MexicoTranscriptionReader.ReadTransfers(file, ShippedData.MexicoTransfers);

        Assert.True(result.Succeeded, string.Join('\n', result.Errors));
        Assert.Equal(
            [(new DateOnly(2025, 2, 27), 29L, 29L), (new DateOnly(2025, 8, 12), 26L, 55L), (new DateOnly(2026, 1, 20), 37L, 92L)],
            result.Items.Select(t => (t.Date, t.PersonsTransferred, t.CumulativeTransferred)));
        Assert.All(result.Items, t => Assert.Equal(DataProvenance.TranscribedAnnouncement, t.Provenance));
        Assert.Equal("https", result.Items[0].SourceUrl.Scheme);
        Assert.Equal("8df748ab3e1fa3f0a0e57708a1350fc6ad906c8a188c163cca54babe3f795ca1", result.Sources[0].Sha256?.ToHex());
    }

    [Fact]
    public void ReadSecurityCabinetFigures_ShippedFile_KeepsUnitsQualifiersAndSources()
    {
        using var file = ShippedData.Open(ShippedData.MexicoCabinet);

        var result = MexicoTranscriptionReader.ReadSecurityCabinetFigures(file, ShippedData.MexicoCabinet);

        Assert.True(result.Succeeded, string.Join('\n', result.Errors));
        Assert.Equal(59, result.Items.Count);
        Assert.All(result.Items, f => Assert.Equal(DataProvenance.SelfReportedTranscription, f.Provenance));
        Assert.All(result.Items, f => Assert.Equal(new DateOnly(2024, 10, 1), f.PeriodStart));
        var first = result.Items[0];
        Assert.Equal(("persons_detained_high_impact_crimes", 13139m, "persons", FigureQualifier.Exact), (first.Metric, first.Value, first.Unit, first.Qualifier));
        Assert.StartsWith("https://poresto.net/", first.SourceUrl.AbsoluteUri, StringComparison.Ordinal);
        var fentanylMidYear = result.Items.Single(f => f.Metric == "fentanyl_seized_weight" && f.PeriodEnd == new DateOnly(2025, 6, 30));
        Assert.Equal((1.5m, "tonnes"), (fentanylMidYear.Value, fentanylMidYear.Unit));
        Assert.Contains(result.Items, f => f.Qualifier == FigureQualifier.MoreThan);
        Assert.Contains(result.Items, f => f.Qualifier == FigureQualifier.About);
        Assert.Contains(result.Items, f => f.Note == "rounded in source");
    }

    [Fact]
    public void ReadTransfers_RunningSumThatDoesNotAddUp_IsAnError()
    {
        var result = MexicoTranscriptionReader.ReadTransfers(Text(TransferHeader +
            "2025-08-12,26,56,law,yes,doj,fgr,https://example.org/b\n" +
            "2025-02-27,29,29,law,yes,doj,fgr,https://example.org/a\n"), "t.csv");

        var error = Assert.Single(result.Errors);
        Assert.Equal((2, "cumulative_running_sum"), (error.Line, error.Column));
        Assert.Contains("(55)", error.Message, StringComparison.Ordinal);
        Assert.Empty(result.Items);
    }

    [Fact]
    public void ReadTransfers_EveryBadRow_IsListed()
    {
        var result = MexicoTranscriptionReader.ReadTransfers(Text(TransferHeader +
            "2025-02-30,1,1,law,yes,doj,fgr,https://example.org/a\n" +
            "2025-03-01,0,1,law,yes,doj,fgr,https://example.org/a\n" +
            "2025-03-02,-3,1,law,yes,doj,fgr,https://example.org/a\n" +
            "2025-03-03,1,1,,yes,doj,fgr,https://example.org/a\n" +
            "2025-03-04,1,1,law,yes,doj,fgr,not a url\n" +
            "2025-03-04,1,2,law,yes,doj,fgr,https://example.org/a\n"), "t.csv");

        Assert.Equal(
            [(2, "date"), (3, "persons_transferred"), (4, "persons_transferred"), (5, "legal_basis"), (6, "found_at_url")],
            result.Errors.Select(e => (e.Line, e.Column)).Take(5));
        Assert.Contains(result.Errors, e => e.Line == 7 && e.Column == "date" && e.Message.Contains("line 6", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadSecurityCabinetFigures_EveryBadRow_IsListed()
    {
        var result = MexicoTranscriptionReader.ReadSecurityCabinetFigures(Text(CabinetHeader +
            "2024-10-01,2025-02-24,firearms_seized,,6582,firearms,SSPC,https://example.org/a,\n" +
            "2025-03-01,2025-02-24,labs,,1,labs,SSPC,https://example.org/a,\n" +
            "2024-10-01,2025-02-24,Firearms Seized,,1,firearms,SSPC,https://example.org/a,\n" +
            "2024-10-01,2025-02-25,labs,roughly,1,labs,SSPC,https://example.org/a,\n" +
            "2024-10-01,2025-02-26,labs,,-1,labs,SSPC,https://example.org/a,\n" +
            "2024-10-01,2025-02-27,labs,,1,,SSPC,https://example.org/a,\n" +
            "2024-10-01,2025-02-28,labs,,1,labs,SSPC,,\n" +
            "2024-10-01,2025-02-24,firearms_seized,,6583,firearms,SSPC,https://example.org/a,\n"), "g.csv");

        Assert.Empty(result.Items);
        Assert.Equal(
            [(3, "period_end"), (4, "metric"), (5, "qualifier"), (6, "value"), (7, "unit"), (8, "transcribed_from_url"), (9, "metric")],
            result.Errors.Select(e => (e.Line, e.Column)));
    }
}
