using OutcomeLedger.Core.Storage;
using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Ledger;

/// <summary>
/// <c>indicator</c>: a measurable quantity of a commitment, by a member party or the operator, with its unit,
/// direction, period type, dimensions, baseline and targets, and the party that reports its values.
/// </summary>
public sealed class IndicatorRecordKind : RecordKind<IndicatorRecord>
{
    internal IndicatorRecordKind()
    {
    }

    public override string Name => "indicator";

    public override string Collection => "indicators";

    public override Writers Writers => Writers.Operator | Writers.Party;

    public static ProjectionTable Table { get; } = new("indicators",
        [ProjectionColumn.Text("id"), ProjectionColumn.Integer("log_index"), ProjectionColumn.Text("commitment"), ProjectionColumn.Text("reporter")],
        ["commitment"]);

    public override IReadOnlyList<ProjectionTable> Tables { get; } = [Table];

    internal override void Check(IndicatorRecord indicator, RuleContext rules)
    {
        var state = rules.State;
        rules.Slug("id", indicator.Id.Value);
        if (state.FindIndicator(indicator.Id) is not null)
        {
            rules.Fail("id", $"indicator '{indicator.Id}' already exists");
        }

        if (state.FindCommitment(indicator.Commitment) is not { } commitment)
        {
            rules.Fail("commitment", $"commitment '{indicator.Commitment}' does not exist");
        }
        else
        {
            var agreement = state.FindAgreement(commitment.Record.Agreement)!.Record;
            rules.RequireMemberOrOperator(agreement, "an indicator");
            if (!agreement.Parties.Contains(indicator.Reporter) && state.FindParty(indicator.Reporter) is not { Role: PartyRole.Verifier })
            {
                rules.Fail("reporter", $"party '{indicator.Reporter}' is neither a party to agreement '{agreement.Id}' nor a registered verifier");
            }
        }

        rules.Text("name", indicator.Name, RuleContext.MaxShortText);
        rules.Text("unit", indicator.Unit, 40);
        rules.Text("dataSource", indicator.DataSource, RuleContext.MaxText);
        rules.OptionalText("verificationProtocol", indicator.VerificationProtocol, RuleContext.MaxText);
        rules.OptionalText("caveat", indicator.Caveat, RuleContext.MaxText);
        if (indicator.MeasureType == MeasureType.Percent && indicator.Unit != "%")
        {
            rules.Fail("unit", "a percent indicator has unit '%'");
        }

        if (indicator.MeasureType != MeasureType.Percent && indicator.Unit == "%")
        {
            rules.Fail("measureType", "unit '%' needs measure type percent");
        }

        if (indicator.Lag is { } lag && (!ReleaseLag.TryParse(lag, out var parsed) || parsed.ToString() != lag))
        {
            rules.Fail("lag", $"'{lag}' is not a release lag: an ISO 8601 duration of days, weeks or months, such as P2W or P4M (at most three years)");
        }

        if (indicator.ProvisionalMonths is < 1 or > 60)
        {
            rules.Fail("provisionalMonths", "provisional months are 1 to 60");
        }

        CheckDimensions(indicator, rules);
        CheckBaseline(indicator, rules);
        CheckTargets(indicator, rules);
        if (indicator.PairedIndicator is { } paired && state.FindIndicator(paired) is null)
        {
            rules.Fail("pairedIndicator", $"indicator '{paired}' does not exist (define it first)");
        }
    }

    static void CheckDimensions(IndicatorRecord indicator, RuleContext rules)
    {
        if (indicator.Dimensions.Count > 8)
        {
            rules.Fail("dimensions", "at most 8 dimensions");
        }

        foreach (var (name, values) in indicator.Dimensions)
        {
            rules.Slug($"dimensions.{name}", name);
            if (values.Count is 0 or > 200 || values.Distinct(StringComparer.Ordinal).Count() != values.Count)
            {
                rules.Fail($"dimensions.{name}", "a dimension lists 1 to 200 distinct values");
            }

            foreach (var value in values)
            {
                rules.Text($"dimensions.{name}", value, 80);
            }
        }
    }

    static void CheckBaseline(IndicatorRecord indicator, RuleContext rules)
    {
        if (indicator.Baseline is not { } baseline)
        {
            return;
        }

        if (baseline.From.Type != indicator.PeriodType || baseline.To.Type != indicator.PeriodType)
        {
            rules.Fail("baseline", $"baseline periods must be {indicator.PeriodType.ToString().ToLowerInvariant()} periods");
        }
        else if (baseline.From > baseline.To)
        {
            rules.Fail("baseline", "the baseline starts after it ends");
        }

        if (baseline.Value is < 0)
        {
            rules.Fail("baseline.value", "a baseline value cannot be negative");
        }
    }

    static void CheckTargets(IndicatorRecord indicator, RuleContext rules)
    {
        if (indicator.Targets.Count > 10)
        {
            rules.Fail("targets", "at most 10 targets");
        }

        var direction = indicator.Direction.ToString().ToLowerInvariant();
        for (var i = 0; i < indicator.Targets.Count; i++)
        {
            var target = indicator.Targets[i];
            var field = $"targets[{i}]";
            if (target.Value is null == target.RelativeChange is null)
            {
                rules.Fail(field, "a target has either a value or a relative change, not both");
                continue;
            }

            if (target.RelativeChange is { } change)
            {
                if (change <= -1 || change == 0 || change > 10)
                {
                    rules.Fail($"{field}.relativeChange", "a relative change is a non-zero fraction above -1 (−0.25 is a 25% fall)");
                }
                else if ((indicator.Direction == Direction.Down) != (change < 0))
                {
                    rules.Fail($"{field}.relativeChange", $"the indicator improves {direction}, so its target must move {direction}");
                }

                if (indicator.Baseline is null)
                {
                    rules.Fail($"{field}.relativeChange", "a relative target needs a baseline");
                }
            }

            if (target.Value is { } value && indicator.Baseline?.Value is { } baseValue
                && (indicator.Direction == Direction.Down ? value >= baseValue : value <= baseValue))
            {
                rules.Fail($"{field}.value", $"the indicator improves {direction}, but the target {value} does not move that way from the baseline {baseValue}");
            }

            rules.OptionalText($"{field}.note", target.Note, RuleContext.MaxText);
        }
    }

    internal override void Apply(IndicatorRecord indicator, ulong index, Hash leafHash, LedgerState state)
    {
        state.AddIndicator(new(indicator, index, leafHash));
        var agreement = state.FindCommitment(indicator.Commitment)!.Record.Agreement;
        state.AddTerms(new TermsState(index, indicator.Kind, agreement, indicator.Author, indicator.Reporter));
    }

    internal override IEnumerable<ProjectionRow> Project(IndicatorRecord indicator, ulong index, LedgerState state)
    {
        yield return Table.Row(indicator.Id.Value, (long)index, indicator.Commitment.Value, indicator.Reporter.Value);
    }

    internal override void Needs(IndicatorRecord indicator, StateNeeds needs)
    {
        needs.Indicator(indicator.Id);
        needs.Commitment(indicator.Commitment);
        if (indicator.PairedIndicator is { } paired)
        {
            needs.Indicator(paired);
        }
    }

    internal override IEnumerable<(ulong Index, Hash LeafHash)> Candidates(IndicatorRecord indicator, LedgerState state) =>
        EntryOf(state.FindIndicator(indicator.Id));
}
