using System.Globalization;
using System.Text;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Monitoring;

/// <summary>
/// A run of consecutive new entries that did the same thing: the same <see cref="Action"/> by the same author on the
/// same indicator (with the same verdict, for attestations; of the same kind, for other entries), told in one line:
/// "mx acknowledged 6 values of sw-border-fentanyl-seizures, 2026-01…06". A run is broken by any entry that differs,
/// so the lines keep the log's order.
/// </summary>
public sealed record MonitorGroup
{
    MonitorGroup(MonitorAction action, PartyId author, string kind, IndicatorId? indicator, Verdict? verdict, IReadOnlyList<MonitoredEntry> entries)
    {
        Action = action;
        Author = author;
        Kind = kind;
        Indicator = indicator;
        Verdict = verdict;
        Entries = entries;
    }

    public MonitorAction Action { get; }

    public PartyId Author { get; }

    /// <summary>The entries' record kind.</summary>
    public string Kind { get; }

    /// <summary>The indicator the values belong to (null for <see cref="MonitorAction.Logged"/>).</summary>
    public IndicatorId? Indicator { get; }

    /// <summary>The attestations' verdict (null unless <see cref="MonitorAction.Attested"/>).</summary>
    public Verdict? Verdict { get; }

    /// <summary>The entries, in log order; never empty, their indexes consecutive when the input's were.</summary>
    public IReadOnlyList<MonitoredEntry> Entries { get; }

    public ulong FirstIndex => Entries[0].Index;

    public ulong LastIndex => Entries[^1].Index;

    /// <summary>The periods of the values concerned, each once, earliest first (empty for <see cref="MonitorAction.Logged"/>).</summary>
    public IReadOnlyList<Period> Periods =>
        Entries.Select(e => Value(e)?.Period).OfType<Period>().Distinct().Order().ToList();

    /// <summary>The measurement an entry is about: the value reported or corrected, or the value attested.</summary>
    public static MeasurementRecord? Value(MonitoredEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Record as MeasurementRecord ?? entry.Attested;
    }

    /// <summary>What <paramref name="entry"/> did.</summary>
    public static MonitorAction ActionOf(MonitoredEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Record switch
        {
            MeasurementRecord { Supersedes: not null } => MonitorAction.Corrected,
            MeasurementRecord => MonitorAction.Reported,
            AttestationRecord when entry.Attested is not null => MonitorAction.Attested,
            _ => MonitorAction.Logged,
        };
    }

    /// <summary>The entries in runs, in order: a new run starts wherever the action, author, indicator, verdict or kind changes.</summary>
    public static IReadOnlyList<MonitorGroup> Group(IReadOnlyList<MonitoredEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var groups = new List<MonitorGroup>();
        var run = new List<MonitoredEntry>();
        (MonitorAction, PartyId, string, IndicatorId?, Verdict?)? current = null;
        foreach (var entry in entries)
        {
            var key = KeyOf(entry);
            if (current is { } open && (open != key || entry.Index != run[^1].Index + 1))
            {
                groups.Add(Close(open, run));
                run = [];
            }

            current = key;
            run.Add(entry);
        }

        if (current is { } last)
        {
            groups.Add(Close(last, run));
        }

        return groups;
    }

    /// <summary>
    /// The group in one line of <paramref name="text"/>'s language, figures rounded for people: one entry alone says
    /// its value ("us corrected … 2026-03: 1,118 → 1,090 lb"), a run says how many values and which periods.
    /// </summary>
    public string Describe(TextCatalogue text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var index = Entries.Count == 1
            ? Number(FirstIndex)
            : string.Create(CultureInfo.InvariantCulture, $"{FirstIndex}–{LastIndex}");
        var author = Author.Value;
        var count = Entries.Count.ToString(CultureInfo.InvariantCulture);
        var indicator = Indicator?.Value ?? "";
        var periods = Ranges(Periods);
        if (Entries.Count > 1)
        {
            return Action switch
            {
                MonitorAction.Reported => TextCatalogue.Fill(text.MonitorReportedMany,
                    ("index", index), ("author", author), ("count", count), ("indicator", indicator), ("periods", periods)),
                MonitorAction.Corrected => TextCatalogue.Fill(text.MonitorCorrectedMany,
                    ("index", index), ("author", author), ("count", count), ("indicator", indicator), ("periods", periods)),
                MonitorAction.Attested => TextCatalogue.Fill(text.MonitorAttestedMany,
                    ("index", index), ("author", author), ("verb", text.MonitorVerb(Verdict!.Value)), ("count", count), ("indicator", indicator), ("periods", periods)),
                _ => TextCatalogue.Fill(text.MonitorLoggedMany, ("index", index), ("author", author), ("count", count), ("kind", Kind)),
            };
        }

        var entry = Entries[0];
        var unit = entry.Unit is { Length: > 0 } u ? " " + u : "";
        var value = Value(entry);
        var period = value?.Period.ToString() ?? "";
        return Action switch
        {
            MonitorAction.Corrected when entry.Superseded is { } old && text.Format.Figures(old.Value, value!.Value) is var (was, now) => TextCatalogue.Fill(text.MonitorCorrected,
                ("index", index), ("author", author), ("indicator", indicator), ("period", period), ("old", was), ("value", now + unit)),
            MonitorAction.Corrected or MonitorAction.Reported => TextCatalogue.Fill(text.MonitorReported,
                ("index", index), ("author", author), ("indicator", indicator), ("period", period), ("value", text.Format.Figure(value!.Value) + unit)),
            MonitorAction.Attested => TextCatalogue.Fill(text.MonitorAttested,
                ("index", index), ("author", author), ("verb", text.MonitorVerb(Verdict!.Value)), ("indicator", indicator), ("period", period), ("value", text.Format.Figure(value!.Value) + unit)),
            _ => TextCatalogue.Fill(text.MonitorLogged, ("index", index), ("author", author), ("kind", Kind)),
        };
    }

    /// <summary>
    /// Periods in short ranges, figures only: consecutive months "2026-01…06", across a year "2025-11…2026-02", gaps
    /// shown as separate ranges "2026-01…03, 2026-05"; quarters "2025-Q1…Q3"; years "2023…2025".
    /// </summary>
    public static string Ranges(IReadOnlyList<Period> periods)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var sorted = periods.Distinct().Order().ToList();
        var text = new StringBuilder();
        for (var start = 0; start < sorted.Count;)
        {
            var end = start;
            while (end + 1 < sorted.Count && Follows(sorted[end], sorted[end + 1]))
            {
                end++;
            }

            if (text.Length > 0)
            {
                text.Append(", ");
            }

            text.Append(sorted[start].ToString());
            if (end > start)
            {
                text.Append('…').Append(Short(sorted[start], sorted[end]));
            }

            start = end + 1;
        }

        return text.ToString();
    }

    static string Number(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    static (MonitorAction, PartyId, string, IndicatorId?, Verdict?) KeyOf(MonitoredEntry entry)
    {
        var action = ActionOf(entry);
        return action == MonitorAction.Logged
            ? (action, entry.Record.Author, entry.Record.Kind, null, null)
            : (action, entry.Record.Author, entry.Record.Kind, Value(entry)!.Indicator, (entry.Record as AttestationRecord)?.Verdict);
    }

    static MonitorGroup Close((MonitorAction Action, PartyId Author, string Kind, IndicatorId? Indicator, Verdict? Verdict) key, List<MonitoredEntry> run) =>
        new(key.Action, key.Author, key.Kind, key.Indicator, key.Verdict, run);

    static bool Follows(Period before, Period after) => before.Type == after.Type && before.Type switch
    {
        PeriodType.Month => after.MonthOrdinal - before.MonthOrdinal == 1,
        PeriodType.Quarter => after.MonthOrdinal - before.MonthOrdinal == 3,
        _ => after.Year - before.Year == 1,
    };

    // The end of a range without what it shares with the start: its month or quarter within the same year.
    static string Short(Period start, Period end) => end.Type switch
    {
        PeriodType.Month when end.Year == start.Year => end.Number.ToString("D2", CultureInfo.InvariantCulture),
        PeriodType.Quarter when end.Year == start.Year => string.Create(CultureInfo.InvariantCulture, $"Q{end.Number}"),
        _ => end.ToString(),
    };
}
