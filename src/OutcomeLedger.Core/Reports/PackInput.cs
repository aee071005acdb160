using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Reports;

/// <summary>What a pack is made from: the scorecard at its checkpoint, and the one at an earlier checkpoint to compare with.</summary>
public sealed record PackInput
{
    public required Scorecard Scorecard { get; init; }

    /// <summary>The earlier checkpoint to say what changed since (its size and its date), or null for no comparison.</summary>
    public PackSince? Since { get; init; }

    public string? Title { get; init; }

    public required ScorecardLanguage Language { get; init; }

    /// <summary>The dates the charts span: the assessment window (the default) or the full history.</summary>
    public ChartWindow ChartWindow { get; init; }

    /// <summary>The log's verifier key (c2sp.org/signed-note <c>name+hash+base64</c>), for the commands that check the log.</summary>
    public required string LogVerifierKey { get; init; }
}
