namespace OutcomeLedger.Core.Text;

// Words of verification in practice (issue 13): attestation by period, the review queue, receipts checked offline.
public sealed partial class TextCatalogue
{
    /// <summary>An attestation by period logged: <c>{verdict}</c>, <c>{values}</c> (a count of values), <c>{indicator}</c>, <c>{from}</c>, <c>{to}</c>, <c>{first}</c>, <c>{last}</c>, <c>{checkpoint}</c>.</summary>
    public required string AttestedByPeriod { get; init; }

    /// <summary>"6 values" / "1 value".</summary>
    public required Plural ValuesCount { get; init; }

    /// <summary>Values left alone: <c>{values}</c>, <c>{party}</c>.</summary>
    public required string AttestedAlready { get; init; }

    /// <summary>Nothing logged, every value had the verdict: <c>{indicator}</c>, <c>{from}</c>, <c>{to}</c>, <c>{party}</c>.</summary>
    public required string AttestedNothingNew { get; init; }
}
