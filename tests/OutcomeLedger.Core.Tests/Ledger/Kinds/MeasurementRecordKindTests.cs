using OutcomeLedger.Core.Ledger;
using static OutcomeLedger.Core.Tests.Ledger.Kinds.Signer;

namespace OutcomeLedger.Core.Tests.Ledger.Kinds;

public sealed class MeasurementRecordKindTests : IDisposable
{
    /// <summary>The log index of mx's value of its own indicator for 2026-01.</summary>
    const ulong MxValue = 11;

    /// <summary>The log index of us's value of the fixture's indicator for 2025-12 (900 lb).</summary>
    const ulong Earlier = 12;

    readonly RuleLedger _ledger = new();

    static readonly string Hash = new('a', 64);
    static readonly IndicatorId Deaths = new("overdose-deaths");
    static readonly IndicatorId Share = new("share-inspected");
    static readonly IndicatorId MxSeizures = new("mx-fentanyl-seizures");

    /// <summary>'us' reports January 2026 of the fixture's indicator (an amount in lb, monthly, by component), with its source and evidence.</summary>
    internal static RuleTable<MeasurementRecord> Rules { get; } = new RuleTable<MeasurementRecord>(
        "measurement",
        LedgerFixture.Measurement() with
        {
            Source = new MeasurementSource("CBP nationwide drug seizures", "https://www.cbp.gov/document/stats/nationwide-drug-seizures", "nationwide-drugs.csv", Hash, 12),
            Evidence = [Hash],
            Note = "as published",
        },
        Us)
    {
        { "by dimension", r => r with { Dimensions = Dimension("component", "ofo") }, Us },
        { "another period's dimension", r => r with { Period = Period.Parse("2025-12"), Dimensions = Dimension("component", "usbp") }, Us },
        { "zero", r => r with { Value = 0m }, Us },
        { "a correction of the earlier value", r => r with { Period = Period.Parse("2025-12"), Value = 950m, Supersedes = Earlier }, Us },
        { "a correction with the same figure", r => r with { Period = Period.Parse("2025-12"), Value = 900m, Supersedes = Earlier }, Us },
        { "a correction of the correction", Correct, r => r with { Period = Period.Parse("2025-12"), Value = 960m, Supersedes = Earlier + 1 }, Us },
        { "a count", r => r with { Indicator = Deaths, Value = 3m }, Us },
        { "a percentage of 0", r => r with { Indicator = Share, Value = 0m }, Us },
        { "a percentage of 100", r => r with { Indicator = Share, Value = 100m }, Us },
        { "provisional, the dataset alone", r => r with { Source = new MeasurementSource("CBP"), Evidence = [], Note = null, Provisional = true }, Us },
        { "sixteen evidence files", r => r with { Evidence = Hashes(16) }, Us },
        { "indicator unknown", r => r with { Indicator = new("sw-border-meth-seizures") }, Us, "indicator", "indicator 'sw-border-meth-seizures' does not exist" },
        { "reported by the other member", r => r with { Author = LedgerFixture.MxId }, Mx, "author", "indicator 'sw-border-fentanyl-seizures' is reported by party 'us'; party 'mx' reports only its own indicators" },
        { "reported by a verifier", r => r with { Author = LedgerFixture.VerifierId }, Gao, "author", "party 'gao' reports only its own indicators" },
        { "reported by the operator", r => r with { Author = LedgerFixture.OperatorId }, Operator, "author", "party 'operator' reports only its own indicators" },
        { "a quarter of a monthly indicator", r => r with { Period = Period.Parse("2026-Q1") }, Us, "period", "indicator 'sw-border-fentanyl-seizures' is measured by month, not by quarter ('2026-Q1')" },
        { "a year of a monthly indicator", r => r with { Period = Period.Parse("2026") }, Us, "period", "is measured by month, not by year ('2026')" },
        { "dimension undeclared", r => r with { Dimensions = Dimension("drug", "fentanyl") }, Us, "dimensions.drug", "indicator 'sw-border-fentanyl-seizures' has no dimension 'drug'" },
        { "dimension value undeclared", r => r with { Dimensions = Dimension("component", "amo") }, Us, "dimensions.component", "'amo' is not one of the declared values (ofo, usbp)" },
        { "dimension value in another case", r => r with { Dimensions = Dimension("component", "OFO") }, Us, "dimensions.component", "'OFO' is not one of the declared values" },
        { "an amount below zero", r => r with { Value = -0.5m }, Us, "value", "amount cannot be negative" },
        { "a count below zero", r => r with { Indicator = Deaths, Value = -1m }, Us, "value", "a count cannot be negative" },
        { "a count with a fraction", r => r with { Indicator = Deaths, Value = 2.5m }, Us, "value", "a count is a whole number" },
        { "a percentage below 0", r => r with { Indicator = Share, Value = -0.1m }, Us, "value", "a percentage is between 0 and 100" },
        { "a percentage above 100", r => r with { Indicator = Share, Value = 100.01m }, Us, "value", "a percentage is between 0 and 100" },
        { "dataset empty", r => r with { Source = r.Source with { Dataset = "" } }, Us, "source.dataset", "is empty" },
        { "dataset of 301 characters", r => r with { Source = r.Source with { Dataset = new string('d', 301) } }, Us, "source.dataset", "is 301 characters; at most 300" },
        { "dataset with a tab", r => r with { Source = r.Source with { Dataset = "CBP\tseizures" } }, Us, "source.dataset", "holds control characters" },
        { "source address by ftp", r => r with { Source = r.Source with { Url = "ftp://ftp.cbp.gov/seizures.csv" } }, Us, "source.url", "'ftp://ftp.cbp.gov/seizures.csv' is not an http(s) address" },
        { "source address relative", r => r with { Source = r.Source with { Url = "seizures.csv" } }, Us, "source.url", "is not an http(s) address" },
        { "file hash in capitals", r => r with { Source = r.Source with { FileSha256 = new string('F', 64) } }, Us, "source.fileSha256", "is not a SHA-256 in lowercase hex (64 characters)" },
        { "file hash of 65 characters", r => r with { Source = r.Source with { FileSha256 = new string('f', 65) } }, Us, "source.fileSha256", "is not a SHA-256" },
        { "seventeen evidence files", r => r with { Evidence = Hashes(17) }, Us, "evidence", "at most 16 evidence files" },
        { "evidence not a hash", r => r with { Evidence = [Hash, "evidence.pdf"] }, Us, "evidence[1]", "is not a SHA-256 in lowercase hex" },
        { "note empty", r => r with { Note = "" }, Us, "note", "is empty" },
        { "note of 4001 characters", r => r with { Note = new string('n', 4001) }, Us, "note", "is 4001 characters; at most 4000" },
        { "note with a bell", r => r with { Note = "revised\a" }, Us, "note", "holds control characters" },
        { "supersedes a party record", r => r with { Supersedes = 3 }, Us, "supersedes", "entry 3 is not a measurement" },
        { "supersedes an entry beyond the log", r => r with { Supersedes = 999 }, Us, "supersedes", "entry 999 is not a measurement" },
        { "supersedes another reporter's value", r => r with { Supersedes = MxValue }, Us, "supersedes", "only party 'mx', who reported entry 11, can correct it" },
        { "supersedes another period", r => r with { Supersedes = Earlier }, Us, "supersedes", "entry 12 is a value for another indicator, period or dimensions" },
        { "supersedes another dimension", r => r with { Period = Period.Parse("2025-12"), Dimensions = Dimension("component", "ofo"), Supersedes = Earlier }, Us, "supersedes", "entry 12 is a value for another indicator, period or dimensions" },
        { "supersedes another indicator", r => r with { Indicator = Deaths, Value = 1m, Period = Period.Parse("2025-12"), Supersedes = Earlier }, Us, "supersedes", "entry 12 is a value for another indicator" },
        { "supersedes a corrected value", Correct, r => r with { Period = Period.Parse("2025-12"), Supersedes = Earlier }, Us, "supersedes", "entry 12 was already corrected by entry 13; supersede that one" },
        { "a second value for a period", r => r with { Period = Period.Parse("2025-12") }, Us, "period", "a value of 'sw-border-fentanyl-seizures' for 2025-12 is already logged (entry 12); a correction supersedes it" },
        { "a second value, the same figure", r => r with { Period = Period.Parse("2025-12"), Value = 900m }, Us, "period", "is already logged (entry 12)" },
        { "a second value after a correction", Correct, r => r with { Period = Period.Parse("2025-12") }, Us, "period", "is already logged (entry 13)" },
    }.WithSignatureRules();

    /// <summary>The fixture, then a count and a percent indicator reported by 'us', an indicator reported by 'mx' with one value, and us's 2025-12 value.</summary>
    public MeasurementRecordKindTests()
    {
        var deaths = LedgerFixture.Indicator() with { Id = Deaths, Unit = "deaths", MeasureType = MeasureType.Count, Dimensions = new Dictionary<string, IReadOnlyList<string>>(), Baseline = null, Targets = [] };
        _ledger.Log(deaths, Us);
        _ledger.Log(deaths with { Id = Share, Unit = "%", MeasureType = MeasureType.Percent }, Us);
        _ledger.Log(deaths with { Author = LedgerFixture.MxId, Id = MxSeizures, Unit = "kg", MeasureType = MeasureType.Amount, Reporter = LedgerFixture.MxId }, Mx);
        Assert.Equal(MxValue, _ledger.Log(LedgerFixture.Measurement() with { Author = LedgerFixture.MxId, Indicator = MxSeizures }, Mx));
        Assert.Equal(Earlier, _ledger.Log(LedgerFixture.Measurement(period: "2025-12", value: 900m), Us));
    }

    public void Dispose() => _ledger.Dispose();

    public static TheoryData<string> Accepted() => Rules.AcceptedNames();

    public static TheoryData<string> Refused() => Rules.RefusedNames();

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Check_Variant_IsAccepted(string row) => _ledger.Verify(Rules[row]);

    [Theory]
    [MemberData(nameof(Refused))]
    public void Check_Variant_IsRefusedNamingItsField(string row) => _ledger.Verify(Rules[row]);

    /// <summary>Corrects the 2025-12 value (entry 12) to 950 lb as entry 13.</summary>
    static void Correct(RuleLedger ledger) => Assert.Equal(Earlier + 1, ledger.Log(LedgerFixture.Measurement(period: "2025-12", value: 950m, supersedes: Earlier), Us));

    static Dictionary<string, string> Dimension(string name, string value) => new() { [name] = value };

    static string[] Hashes(int count) => [.. Enumerable.Range(0, count).Select(i => i.ToString("x64", System.Globalization.CultureInfo.InvariantCulture))];
}
