using OutcomeLedger.Core.Ledger;
using static OutcomeLedger.Core.Tests.Ledger.Kinds.Signer;

namespace OutcomeLedger.Core.Tests.Ledger.Kinds;

public sealed class IndicatorRecordKindTests : IDisposable
{
    readonly RuleLedger _ledger = new();

    static readonly DateOnly By = new(2026, 12, 31);
    static readonly Baseline Year2025 = new(Period.Parse("2025-01"), Period.Parse("2025-12"), 1000m);

    /// <summary>
    /// 'us' defines a second indicator of the fixture's commitment, as the fixture's: an amount in lb that should fall,
    /// monthly, by component, with a 2025 baseline of 1000 and a 25% fall as its target.
    /// </summary>
    internal static RuleTable<IndicatorRecord> Rules { get; } = new RuleTable<IndicatorRecord>(
        "indicator",
        LedgerFixture.Indicator() with { Id = new("sw-border-meth-seizures"), Baseline = Year2025 },
        Us)
    {
        { "defined by the other member", r => r with { Author = LedgerFixture.MxId }, Mx },
        { "defined by the operator", r => r with { Author = LedgerFixture.OperatorId }, Operator },
        { "reported by the other member", r => r with { Reporter = LedgerFixture.MxId }, Us },
        { "reported by a verifier", r => r with { Reporter = LedgerFixture.VerifierId }, Us },
        { "a percentage in %", r => r with { MeasureType = MeasureType.Percent, Unit = "%", Baseline = Year2025 with { Value = 40m }, Targets = [new Target(By, TargetBasis.Agreed, Value: 30m)] }, Us },
        { "a count, rising, by quarter", r => r with { MeasureType = MeasureType.Count, Unit = "arrests", Direction = Direction.Up, PeriodType = PeriodType.Quarter, Baseline = new(Period.Parse("2025-Q1"), Period.Parse("2025-Q4")), Targets = [new Target(By, TargetBasis.Agreed, RelativeChange: 0.5m)] }, Us },
        { "no dimensions, baseline or targets", r => r with { Dimensions = new Dictionary<string, IReadOnlyList<string>>(), Baseline = null, Targets = [] }, Us },
        { "eight dimensions", r => r with { Dimensions = Dimensions(8, 2) }, Us },
        { "a dimension of 200 values", r => r with { Dimensions = Dimensions(1, 200) }, Us },
        { "a one-month baseline without a value", r => r with { Baseline = new(Period.Parse("2025-12"), Period.Parse("2025-12")) }, Us },
        { "ten targets", r => r with { Targets = [.. Enumerable.Range(1, 10).Select(i => new Target(By.AddYears(i), TargetBasis.Agreed, RelativeChange: -0.05m * i))] }, Us },
        { "an absolute target below the baseline", r => r with { Targets = [new Target(By, TargetBasis.Agreed, Value: 999m, Note: "agreed in the joint statement")] }, Us },
        { "an absolute target without a baseline value", r => r with { Baseline = Year2025 with { Value = null }, Targets = [new Target(By, TargetBasis.Agreed, Value: 5000m)] }, Us },
        { "a relative change of ten times", r => r with { Direction = Direction.Up, Targets = [new Target(By, TargetBasis.Illustrative, RelativeChange: 10m)] }, Us },
        { "released monthly, about two weeks late", r => r with { Cadence = ReleaseCadence.Monthly, Lag = "P2W" }, Us },
        { "released quarterly, 10 days late, provisional for 60 months", r => r with { Cadence = ReleaseCadence.Quarterly, Lag = "P10D", ProvisionalMonths = 60 }, Us },
        { "a lag of three years", r => r with { Lag = "P36M" }, Us },
        { "paired with a logged indicator", r => r with { PairedIndicator = LedgerFixture.Seizures, PairedReading = "more seizures, less flow", VerificationProtocol = "CBP monthly release", Caveat = "seizures are a proxy" }, Us },
        { "id with a dot", r => r with { Id = new("meth.seizures") }, Us, "id", "'meth.seizures' is not an id" },
        { "id already used", r => r with { Id = LedgerFixture.Seizures }, Us, "id", "indicator 'sw-border-fentanyl-seizures' already exists" },
        { "commitment unknown", r => r with { Commitment = new("halt-trafficking") }, Us, "commitment", "commitment 'halt-trafficking' does not exist" },
        { "defined by a verifier", r => r with { Author = LedgerFixture.VerifierId }, Gao, "author", "party 'gao' is not a party to agreement 'us-mx-security' and cannot record an indicator under it" },
        { "defined by a party outside the agreement", l => l.RegisterCa(), r => r with { Author = new("ca") }, Ca, "author", "party 'ca' is not a party to agreement 'us-mx-security'" },
        { "reported by the operator", r => r with { Reporter = LedgerFixture.OperatorId }, Us, "reporter", "party 'operator' is neither a party to agreement 'us-mx-security' nor a registered verifier" },
        { "reported by a party not registered", r => r with { Reporter = new("ca") }, Us, "reporter", "party 'ca' is neither a party to agreement" },
        { "name empty", r => r with { Name = " " }, Us, "name", "is empty" },
        { "name of 301 characters", r => r with { Name = new string('n', 301) }, Us, "name", "is 301 characters; at most 300" },
        { "name with a tab", r => r with { Name = "meth\tseized" }, Us, "name", "holds control characters" },
        { "unit empty", r => r with { Unit = "" }, Us, "unit", "is empty" },
        { "unit of 41 characters", r => r with { Unit = new string('u', 41) }, Us, "unit", "is 41 characters; at most 40" },
        { "unit with a next-line character", r => r with { Unit = "l\u0085b" }, Us, "unit", "holds control characters" },
        { "data source empty", r => r with { DataSource = "" }, Us, "dataSource", "is empty" },
        { "data source of 4001 characters", r => r with { DataSource = new string('d', 4001) }, Us, "dataSource", "is 4001 characters; at most 4000" },
        { "protocol empty", r => r with { VerificationProtocol = "" }, Us, "verificationProtocol", "is empty" },
        { "protocol with a control character", r => r with { VerificationProtocol = "audit\u0007" }, Us, "verificationProtocol", "holds control characters" },
        { "caveat of 4001 characters", r => r with { Caveat = new string('c', 4001) }, Us, "caveat", "is 4001 characters; at most 4000" },
        { "caveat only spaces", r => r with { Caveat = "  " }, Us, "caveat", "is empty" },
        { "lag in the short form", r => r with { Lag = "2w" }, Us, "lag", "'2w' is not a release lag: an ISO 8601 duration" },
        { "lag in years", r => r with { Lag = "P1Y" }, Us, "lag", "'P1Y' is not a release lag" },
        { "lag of two components", r => r with { Lag = "P1M2D" }, Us, "lag", "is not a release lag" },
        { "lag of zero weeks", r => r with { Lag = "P0W" }, Us, "lag", "is not a release lag" },
        { "lag over three years", r => r with { Lag = "P37M" }, Us, "lag", "at most three years" },
        { "provisional for no month", r => r with { ProvisionalMonths = 0 }, Us, "provisionalMonths", "provisional months are 1 to 60" },
        { "provisional for 61 months", r => r with { ProvisionalMonths = 61 }, Us, "provisionalMonths", "provisional months are 1 to 60" },
        { "a percentage in lb", r => r with { MeasureType = MeasureType.Percent }, Us, "unit", "a percent indicator has unit '%'" },
        { "an amount in %", r => r with { Unit = "%" }, Us, "measureType", "unit '%' needs measure type percent" },
        { "a rate in %", r => r with { MeasureType = MeasureType.Rate, Unit = "%" }, Us, "measureType", "unit '%' needs measure type percent" },
        { "nine dimensions", r => r with { Dimensions = Dimensions(9, 2) }, Us, "dimensions", "at most 8 dimensions" },
        { "dimension name not an id", r => r with { Dimensions = Dimension("Component", "ofo") }, Us, "dimensions.Component", "'Component' is not an id" },
        { "dimension without values", r => r with { Dimensions = Dimension("component") }, Us, "dimensions.component", "a dimension lists 1 to 200 distinct values" },
        { "dimension of 201 values", r => r with { Dimensions = Dimensions(1, 201) }, Us, "dimensions.d0", "a dimension lists 1 to 200 distinct values" },
        { "dimension value listed twice", r => r with { Dimensions = Dimension("component", "ofo", "usbp", "ofo") }, Us, "dimensions.component", "1 to 200 distinct values" },
        { "dimension value empty", r => r with { Dimensions = Dimension("component", "ofo", "") }, Us, "dimensions.component", "is empty" },
        { "dimension value of 81 characters", r => r with { Dimensions = Dimension("component", new string('v', 81)) }, Us, "dimensions.component", "is 81 characters; at most 80" },
        { "dimension value with a tab", r => r with { Dimensions = Dimension("component", "o\tfo") }, Us, "dimensions.component", "holds control characters" },
        { "baseline by quarter on a monthly indicator", r => r with { Baseline = new(Period.Parse("2025-Q1"), Period.Parse("2025-Q4"), 1000m) }, Us, "baseline", "baseline periods must be month periods" },
        { "baseline ending by year", r => r with { Baseline = new(Period.Parse("2025-01"), Period.Parse("2025"), 1000m) }, Us, "baseline", "baseline periods must be month periods" },
        { "baseline ending before it starts", r => r with { Baseline = new(Period.Parse("2025-12"), Period.Parse("2025-01"), 1000m) }, Us, "baseline", "the baseline starts after it ends" },
        { "baseline value negative", r => r with { Baseline = Year2025 with { Value = -1m }, Targets = [] }, Us, "baseline.value", "a baseline value cannot be negative" },
        { "eleven targets", r => r with { Targets = [.. Enumerable.Range(1, 11).Select(i => new Target(By.AddYears(i), TargetBasis.Agreed, RelativeChange: -0.05m * i))] }, Us, "targets", "at most 10 targets" },
        { "target with a value and a change", r => r with { Targets = [new Target(By, TargetBasis.Agreed, Value: 700m, RelativeChange: -0.3m)] }, Us, "targets[0]", "a target has either a value or a relative change, not both" },
        { "target with neither", r => r with { Targets = [new Target(By, TargetBasis.Agreed, RelativeChange: -0.25m), new Target(By, TargetBasis.Agreed)] }, Us, "targets[1]", "either a value or a relative change" },
        { "relative change of -100%", r => r with { Targets = [new Target(By, TargetBasis.Agreed, RelativeChange: -1m)] }, Us, "targets[0].relativeChange", "a relative change is a non-zero fraction above -1" },
        { "relative change of zero", r => r with { Targets = [new Target(By, TargetBasis.Agreed, RelativeChange: 0m)] }, Us, "targets[0].relativeChange", "a non-zero fraction" },
        { "relative change above ten times", r => r with { Direction = Direction.Up, Targets = [new Target(By, TargetBasis.Agreed, RelativeChange: 10.01m)] }, Us, "targets[0].relativeChange", "a non-zero fraction" },
        { "relative rise on a falling indicator", r => r with { Targets = [new Target(By, TargetBasis.Agreed, RelativeChange: 0.25m)] }, Us, "targets[0].relativeChange", "the indicator improves down, so its target must move down" },
        { "relative fall on a rising indicator", r => r with { Direction = Direction.Up }, Us, "targets[0].relativeChange", "the indicator improves up, so its target must move up" },
        { "relative target without a baseline", r => r with { Baseline = null }, Us, "targets[0].relativeChange", "a relative target needs a baseline" },
        { "absolute target at the baseline", r => r with { Targets = [new Target(By, TargetBasis.Agreed, Value: 1000m)] }, Us, "targets[0].value", "the indicator improves down, but the target 1000 does not move that way from the baseline 1000" },
        { "absolute target below a rising baseline", r => r with { Direction = Direction.Up, Targets = [new Target(By, TargetBasis.Agreed, Value: 900m)] }, Us, "targets[0].value", "the indicator improves up, but the target 900" },
        { "target note empty", r => r with { Targets = [new Target(By, TargetBasis.Agreed, RelativeChange: -0.25m, Note: "")] }, Us, "targets[0].note", "is empty" },
        { "target note of 4001 characters", r => r with { Targets = [new Target(By, TargetBasis.Agreed, RelativeChange: -0.25m, Note: new string('n', 4001))] }, Us, "targets[0].note", "is 4001 characters" },
        { "paired with an indicator not logged", r => r with { PairedIndicator = new("sw-border-meth-flow") }, Us, "pairedIndicator", "indicator 'sw-border-meth-flow' does not exist (define it first)" },
        { "paired with itself", r => r with { PairedIndicator = r.Id }, Us, "pairedIndicator", "indicator 'sw-border-meth-seizures' does not exist" },
    }.WithSignatureRules();

    public void Dispose() => _ledger.Dispose();

    public static TheoryData<string> Accepted() => Rules.AcceptedNames();

    public static TheoryData<string> Refused() => Rules.RefusedNames();

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Check_Variant_IsAccepted(string row) => _ledger.Verify(Rules[row]);

    [Theory]
    [MemberData(nameof(Refused))]
    public void Check_Variant_IsRefusedNamingItsField(string row) => _ledger.Verify(Rules[row]);

    static Dictionary<string, IReadOnlyList<string>> Dimension(string name, params string[] values) => new() { [name] = values };

    /// <summary><paramref name="count"/> dimensions d0, d1, … of <paramref name="values"/> values each.</summary>
    static Dictionary<string, IReadOnlyList<string>> Dimensions(int count, int values) =>
        Enumerable.Range(0, count).ToDictionary<int, string, IReadOnlyList<string>>(d => $"d{d}", _ => Enumerable.Range(0, values).Select(v => $"v{v}").ToList());
}
