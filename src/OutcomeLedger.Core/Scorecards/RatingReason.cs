using System.Text.Json.Serialization;
using OutcomeLedger.Core.Evaluation;
using OutcomeLedger.Core.Evaluation.Statistics;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Scorecards;

/// <summary>
/// Why a rating was given, as a code and the numbers its sentence needs, so each language renders the same facts
/// (<see cref="ReasonSentence"/> with the text catalogue); <see cref="Text"/> is the English sentence.
/// </summary>
public sealed record RatingReason
{
    public required ReasonCode Code { get; init; }

    public required Rating Rating { get; init; }

    /// <summary>What is rated: the indicator name, with its dimension values for a disaggregated series.</summary>
    public required string Subject { get; init; }

    public PeriodType? PeriodType { get; init; }

    public ChangeFinding? Change { get; init; }

    /// <summary>What the change alone would have rated, when a policy gate overrode it.</summary>
    public Rating? Underlying { get; init; }

    public int? Have { get; init; }

    public int? Needed { get; init; }

    public int? Counted { get; init; }

    public int? Confirmed { get; init; }

    public int? Disputed { get; init; }

    /// <summary>The policy's minimum confirmed share, in percent.</summary>
    public double? RequiredShare { get; init; }

    /// <summary>The policy's significant change, in percent.</summary>
    public double? Threshold { get; init; }

    public double? Latest { get; init; }

    /// <summary>The periods <see cref="Latest"/> is the mean of.</summary>
    public int? LatestPeriods { get; init; }

    /// <summary>True when no policy was logged and the default policy applied (absent when one was logged).</summary>
    public bool? DefaultPolicy { get; init; }

    /// <summary>
    /// The party that logged the policy the rating applied, while not every party of the agreement has accepted it
    /// (absent for an agreed or the default policy): reasons then say "the policy proposed by X", not "the agreed policy".
    /// </summary>
    public string? PolicyProposedBy { get; init; }

    /// <summary>The period by which the missing data would be complete (<see cref="ReasonCode.TooEarly"/>).</summary>
    public string? ExpectedBy { get; init; }

    /// <summary>
    /// The period of the series' latest value, set only when later values are overdue at the "as of" date (see
    /// <see cref="DueBy"/>): the sentence then says the figures are not current. Omitted otherwise.
    /// </summary>
    public string? LatestValue { get; init; }

    /// <summary>The month by which the value after <see cref="LatestValue"/> was due; set with it.</summary>
    public string? DueBy { get; init; }

    /// <summary>The baseline periods (<see cref="ReasonCode.NoBaseline"/>).</summary>
    public string? BaselineFrom { get; init; }

    public string? BaselineTo { get; init; }

    public double? Expected { get; init; }

    public double? Target { get; init; }

    public DateOnly? TargetBy { get; init; }

    public TargetBasis? TargetBasis { get; init; }

    public string? Unit { get; init; }

    /// <summary>The count of parts per rating, for rolled-up ratings.</summary>
    public IReadOnlyDictionary<string, int>? Parts { get; init; }

    /// <summary>The statistical shortfall behind <see cref="ReasonCode.ModelInsufficient"/>; in the JSON, its English sentence.</summary>
    [JsonConverter(typeof(ShortfallJsonConverter))]
    public Shortfall? Detail { get; init; }

    /// <summary>
    /// The reason as an English sentence, written from the code and the numbers whenever it is read (the JSON's
    /// <c>text</c>; reading a scorecard ignores it and writes it again from them).
    /// </summary>
    public string Text => TextCatalogue.English.Sentence(this);
}
