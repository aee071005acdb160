using OutcomeLedger.Core.Storage;
using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Ledger;

/// <summary>
/// <c>measurement</c>: one value of an indicator for one period and combination of dimensions, by the indicator's
/// reporter. One value is current per series; a different value is a correction that supersedes it, by its reporter.
/// </summary>
public sealed class MeasurementRecordKind : RecordKind<MeasurementRecord>
{
    internal MeasurementRecordKind()
    {
    }

    public override string Name => "measurement";

    public override string Collection => "measurements";

    public override Writers Writers => Writers.Operator | Writers.Party;

    /// <summary>
    /// Every measurement, current or superseded: found by series (one value current per series) or by indicator and
    /// period. The current values alone (what <c>indicator show</c> counts and the attestations choose from) have their
    /// own partial index, so reading them skips the superseded rows.
    /// </summary>
    public static ProjectionTable Table { get; } = new("measurements",
        [
            ProjectionColumn.Integer("log_index"), ProjectionColumn.Text("indicator"), ProjectionColumn.Text("period"), ProjectionColumn.Text("author"),
            ProjectionColumn.Text("series"), ProjectionColumn.Integer("superseded_by", nullable: true),
        ],
        ["series"], ["indicator", "period", "series"])
    {
        PartialIndexes = [new(["indicator", "period", "series"], WhereNull: "superseded_by")],
    };

    public override IReadOnlyList<ProjectionTable> Tables { get; } = [Table];

    /// <summary>A value of one of the signed-in party's indicators, or a correction of one.</summary>
    public override RecordForm Form { get; } = new(
        [
            new("indicator", FormFieldType.ReportedIndicator, Required: true), new("period", FormFieldType.Period, Required: true),
            new("value", FormFieldType.Decimal, Required: true), new("dimensions", FormFieldType.Dimensions), new("dataset", FormFieldType.Text, Required: true),
            new("sourceUrl", FormFieldType.Url), new("note", FormFieldType.Text), new("supersedes", FormFieldType.EntryIndex), new("provisional", FormFieldType.Checkbox),
        ],
        (form, party, now) => new MeasurementRecord
        {
            Author = party,
            RecordedAt = now,
            Indicator = new IndicatorId(form.Required("indicator")),
            Period = form.Period("period"),
            Dimensions = form.Dimensions("dimensions"),
            Value = form.Decimal("value", required: true) ?? 0,
            Source = new MeasurementSource(form.Required("dataset"), form.Optional("sourceUrl")),
            Note = form.Optional("note"),
            Provisional = form.Checked("provisional"),
            Supersedes = form.Index("supersedes", required: false),
        });

    internal override void Check(MeasurementRecord measurement, RuleContext rules)
    {
        var state = rules.State;
        if (state.FindIndicator(measurement.Indicator) is not { } logged)
        {
            rules.Fail("indicator", $"indicator '{measurement.Indicator}' does not exist");
            return;
        }

        var indicator = logged.Record;
        if (measurement.Author != indicator.Reporter)
        {
            rules.Fail("author", $"indicator '{indicator.Id}' is reported by party '{indicator.Reporter}'; party '{measurement.Author}' reports only its own indicators");
        }

        if (measurement.Period.Type != indicator.PeriodType)
        {
            rules.Fail("period", $"indicator '{indicator.Id}' is measured by {indicator.PeriodType.ToString().ToLowerInvariant()}, not by {measurement.Period.Type.ToString().ToLowerInvariant()} ('{measurement.Period}')");
        }

        foreach (var (name, value) in measurement.Dimensions)
        {
            if (!indicator.Dimensions.TryGetValue(name, out var allowed))
            {
                rules.Fail($"dimensions.{name}", $"indicator '{indicator.Id}' has no dimension '{name}'");
            }
            else if (!allowed.Contains(value))
            {
                rules.Fail($"dimensions.{name}", $"'{value}' is not one of the declared values ({string.Join(", ", allowed)})");
            }
        }

        CheckValue("value", measurement.Value, indicator, rules);
        rules.Text("source.dataset", measurement.Source.Dataset, RuleContext.MaxShortText);
        if (measurement.Source.Url is not null)
        {
            rules.Url("source.url", measurement.Source.Url);
        }

        if (measurement.Source.Release is { } release && release > DateOnly.FromDateTime(measurement.RecordedAt.UtcDateTime))
        {
            rules.Fail("source.release", $"the release {release:yyyy-MM-dd} is after the value was recorded ({measurement.RecordedAt.UtcDateTime:yyyy-MM-dd})");
        }

        if (measurement.Source.FileSha256 is not null)
        {
            rules.Sha256("source.fileSha256", measurement.Source.FileSha256);
        }

        rules.Evidence(measurement.Evidence);
        rules.OptionalText("note", measurement.Note, RuleContext.MaxText);
        CheckSeries(measurement, indicator, rules);
    }

    /// <summary>
    /// The checks every figure of an indicator passes: a measurement's value, and a figure a dispute or a resolution
    /// states for it. The figure is named by <paramref name="field"/>.
    /// </summary>
    internal static void CheckValue(string field, decimal value, IndicatorRecord indicator, RuleContext rules)
    {
        if (value < 0 && indicator.MeasureType is MeasureType.Count or MeasureType.Amount)
        {
            rules.Fail(field, indicator.MeasureType == MeasureType.Count ? "a count cannot be negative" : "an amount cannot be negative");
        }

        if (indicator.MeasureType == MeasureType.Count && value != decimal.Truncate(value))
        {
            rules.Fail(field, "a count is a whole number");
        }

        if (indicator.MeasureType == MeasureType.Percent && value is < 0 or > 100)
        {
            rules.Fail(field, "a percentage is between 0 and 100");
        }
    }

    // One current value per series: a new value for a logged series must say which value it corrects.
    static void CheckSeries(MeasurementRecord measurement, IndicatorRecord indicator, RuleContext rules)
    {
        var state = rules.State;
        if (measurement.Supersedes is { } old)
        {
            if (state.FindMeasurement(old) is not { } previous)
            {
                rules.Fail("supersedes", $"entry {old} is not a measurement");
            }
            else if (previous.Record.Author != measurement.Author)
            {
                rules.Fail("supersedes", $"only party '{previous.Record.Author}', who reported entry {old}, can correct it");
            }
            else if (previous.SeriesKey != MeasurementState.Key(measurement))
            {
                rules.Fail("supersedes", $"entry {old} is a value for another indicator, period or dimensions");
            }
            else if (previous.SupersededBy is { } by)
            {
                rules.Fail("supersedes", $"entry {old} was already corrected by entry {by}; supersede that one");
            }
        }
        else if (state.CurrentMeasurement(measurement) is { } current)
        {
            rules.Fail("period", $"a value of '{indicator.Id}' for {measurement.Period} is already logged (entry {current.Index}); a correction supersedes it");
        }
    }

    internal override void Apply(MeasurementRecord measurement, ulong index, Hash leafHash, LedgerState state) =>
        state.AddMeasurement(new MeasurementState(measurement, index, leafHash));

    internal override IEnumerable<ProjectionRow> Project(MeasurementRecord measurement, ulong index, LedgerState state)
    {
        yield return Row(state.FindMeasurement(index)!);
        if (measurement.Supersedes is { } old)
        {
            yield return Row(state.FindMeasurement(old)!);
        }
    }

    static ProjectionRow Row(MeasurementState m) =>
        Table.Row((long)m.Index, m.Record.Indicator.Value, m.Record.Period.ToString(), m.Record.Author.Value, m.SeriesKey, (long?)m.SupersededBy);

    internal override void Needs(MeasurementRecord measurement, StateNeeds needs)
    {
        needs.Indicator(measurement.Indicator);
        needs.SeriesOf(MeasurementState.Key(measurement));
        if (measurement.Supersedes is { } old)
        {
            needs.Measurement(old);
        }
    }

    internal override IEnumerable<(ulong Index, Hash LeafHash)> Candidates(MeasurementRecord measurement, LedgerState state) =>
        state.FindSeries(MeasurementState.Key(measurement))?.Members.Select(i => (i, state.FindMeasurement(i)!.LeafHash)) ?? [];
}
