using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Monitoring;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Tests.Monitoring;

/// <summary>
/// How the monitor tells new entries: runs of the same action by the same party on the same indicator in one line,
/// broken by anything that differs, with the periods in short ranges and the figures rounded for people.
/// </summary>
public sealed class MonitorGroupTests
{
    const string Seizures = "sw-border-fentanyl-seizures";
    const string Deaths = "overdose-deaths";
    static readonly DateTimeOffset At = new(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, MonitoredEntry[], string[]> Runs => new()
    {
        {
            "six acknowledgements in a row: one line",
            [.. Enumerable.Range(1, 6).Select(m => Attested(m - 1, "mx", Verdict.Acknowledged, Seizures, $"2026-{m:D2}", 1000 + m))],
            ["0–5: mx acknowledged 6 values of sw-border-fentanyl-seizures, 2026-01…06"]
        },
        {
            "twelve values of a year",
            [.. Enumerable.Range(1, 12).Select(m => Reported(10 + m, "us", Seizures, $"2025-{m:D2}", 900))],
            ["11–22: us reported 12 values of sw-border-fentanyl-seizures, 2025-01…12"]
        },
        {
            "one value alone says its figure, rounded",
            [Reported(7, "us", Seizures, "2026-03", 1118.4m)],
            ["7: us reported sw-border-fentanyl-seizures 2026-03: 1,118 lb"]
        },
        {
            "a correction alone says both figures",
            [Corrected(9, "us", Seizures, "2026-03", 1118, 1090)],
            ["9: us corrected sw-border-fentanyl-seizures 2026-03: 1,118 → 1,090 lb"]
        },
        {
            "a run broken by another party",
            [Reported(0, "us", Seizures, "2026-01", 1), Reported(1, "us", Seizures, "2026-02", 2), Reported(2, "mx", Seizures, "2026-03", 3), Reported(3, "us", Seizures, "2026-04", 4), Reported(4, "us", Seizures, "2026-05", 5)],
            ["0–1: us reported 2 values of sw-border-fentanyl-seizures, 2026-01…02", "2: mx reported sw-border-fentanyl-seizures 2026-03: 3 lb", "3–4: us reported 2 values of sw-border-fentanyl-seizures, 2026-04…05"]
        },
        {
            "a run broken by another kind and another indicator",
            [Reported(0, "us", Seizures, "2026-01", 1), Attested(1, "us", Verdict.Acknowledged, Seizures, "2026-01", 1), Reported(2, "us", Deaths, "2026-01", 5), Reported(3, "us", Deaths, "2026-02", 6)],
            ["0: us reported sw-border-fentanyl-seizures 2026-01: 1 lb", "1: us acknowledged sw-border-fentanyl-seizures 2026-01 (1 lb)", "2–3: us reported 2 values of overdose-deaths, 2026-01…02"]
        },
        {
            "a run broken by another verdict",
            [Attested(0, "mx", Verdict.Acknowledged, Seizures, "2026-01", 1), Attested(1, "mx", Verdict.Acknowledged, Seizures, "2026-02", 1), Attested(2, "mx", Verdict.Disputed, Seizures, "2026-03", 1), Attested(3, "mx", Verdict.Disputed, Seizures, "2026-04", 1)],
            ["0–1: mx acknowledged 2 values of sw-border-fentanyl-seizures, 2026-01…02", "2–3: mx disputed 2 values of sw-border-fentanyl-seizures, 2026-03…04"]
        },
        {
            "months with a gap, across a year",
            [Reported(0, "us", Seizures, "2025-11", 1), Reported(1, "us", Seizures, "2025-12", 1), Reported(2, "us", Seizures, "2026-01", 1), Reported(3, "us", Seizures, "2026-03", 1)],
            ["0–3: us reported 4 values of sw-border-fentanyl-seizures, 2025-11…2026-01, 2026-03"]
        },
        {
            "other entries of one kind by one party",
            [Logged(0, "operator"), Logged(1, "operator"), Logged(2, "us")],
            ["0–1: operator logged 2 entries of kind agreement", "2: us logged an entry of kind agreement"]
        },
        {
            "corrections in a row",
            [Corrected(4, "us", Seizures, "2026-02", 10, 11), Corrected(5, "us", Seizures, "2026-01", 10, 12)],
            ["4–5: us corrected 2 values of sw-border-fentanyl-seizures, 2026-01…02"]
        },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void Group_Entries_OneLinePerRunInLogOrder(string scenario, MonitoredEntry[] entries, string[] expected)
    {
        var lines = MonitorGroup.Group(entries).Select(g => g.Describe(TextCatalogue.English)).ToArray();

        Assert.True(expected.SequenceEqual(lines), $"{scenario}: expected\n{string.Join('\n', expected)}\nbut got\n{string.Join('\n', lines)}");
    }

    [Fact]
    public void Group_KeepsEveryEntryOnceInOrder()
    {
        MonitoredEntry[] entries = [Reported(0, "us", Seizures, "2026-01", 1), Reported(1, "mx", Seizures, "2026-02", 2), Reported(2, "mx", Seizures, "2026-03", 3)];

        var groups = MonitorGroup.Group(entries);

        Assert.Equal([0UL, 1UL, 2UL], groups.SelectMany(g => g.Entries).Select(e => e.Index));
        Assert.Equal([(0UL, 0UL), (1UL, 2UL)], groups.Select(g => (g.FirstIndex, g.LastIndex)));
        Assert.Equal(MonitorAction.Reported, groups[1].Action);
        Assert.Equal(new IndicatorId(Seizures), groups[1].Indicator);
    }

    [Fact]
    public void Group_NoEntries_NoLines() => Assert.Empty(MonitorGroup.Group([]));

    [Fact]
    public void Describe_Spanish_UsesTheSpanishVerbs()
    {
        var groups = MonitorGroup.Group([.. Enumerable.Range(1, 6).Select(m => Attested(m - 1, "mx", Verdict.Acknowledged, Seizures, $"2026-{m:D2}", 1000))]);
        var correction = MonitorGroup.Group([Corrected(9, "us", Seizures, "2026-03", 1118, 1090)]);

        Assert.Equal("0–5: mx reconoció 6 valores de sw-border-fentanyl-seizures, 2026-01…06", groups.Single().Describe(TextCatalogue.Spanish));
        Assert.Equal("9: us corrigió sw-border-fentanyl-seizures 2026-03: 1,118 → 1,090 lb", correction.Single().Describe(TextCatalogue.Spanish));
    }

    [Theory]
    [InlineData("2026-01 2026-02 2026-03 2026-04 2026-05 2026-06", "2026-01…06")]
    [InlineData("2026-03 2026-01 2026-02 2026-02", "2026-01…03")]
    [InlineData("2026-01 2026-03 2026-05", "2026-01, 2026-03, 2026-05")]
    [InlineData("2025-12 2026-01 2026-04 2026-05", "2025-12…2026-01, 2026-04…05")]
    [InlineData("2025-Q1 2025-Q2 2025-Q3", "2025-Q1…Q3")]
    [InlineData("2025-Q4 2026-Q1", "2025-Q4…2026-Q1")]
    [InlineData("2023 2024 2025", "2023…2025")]
    [InlineData("2025 2025-01 2025-Q1", "2025-01, 2025-Q1, 2025")]
    [InlineData("2026-07", "2026-07")]
    public void Ranges_Periods_ShortAndUnambiguous(string periods, string expected) =>
        Assert.Equal(expected, MonitorGroup.Ranges([.. periods.Split(' ').Select(Period.Parse)]));

    static MeasurementRecord Measurement(string author, string indicator, string period, decimal value, ulong? supersedes = null) => new()
    {
        Author = new PartyId(author),
        RecordedAt = At,
        Indicator = new IndicatorId(indicator),
        Period = Period.Parse(period),
        Value = value,
        Source = new MeasurementSource("CBP nationwide drug seizures"),
        Supersedes = supersedes,
    };

    static MonitoredEntry Reported(int index, string author, string indicator, string period, decimal value) =>
        new((ulong)index, Measurement(author, indicator, period, value), null, null, "lb");

    static MonitoredEntry Corrected(int index, string author, string indicator, string period, decimal old, decimal value) =>
        new((ulong)index, Measurement(author, indicator, period, value, supersedes: 1), Measurement(author, indicator, period, old), null, "lb");

    static MonitoredEntry Attested(int index, string author, Verdict verdict, string indicator, string period, decimal value) =>
        new((ulong)index, new AttestationRecord { Author = new PartyId(author), RecordedAt = At, Measurement = 1, Verdict = verdict }, null, Measurement("us", indicator, period, value), "lb");

    static MonitoredEntry Logged(int index, string author) =>
        new((ulong)index, new AgreementRecord { Author = new PartyId(author), RecordedAt = At, Id = new AgreementId("us-mx"), Title = "Security", Parties = [new PartyId("us"), new PartyId("mx")] }, null, null, null);
}
