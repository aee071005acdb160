using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Sessions;

/// <summary>Which value's revisions to show: an indicator, a period and the value's dimension values (none for the headline value).</summary>
public sealed record ValueRevisionsRequest(IndicatorId Indicator, Period Period)
{
    public IReadOnlyDictionary<string, string> Dimensions { get; init; } = new Dictionary<string, string>();
}
