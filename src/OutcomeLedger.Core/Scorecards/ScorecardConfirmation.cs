namespace OutcomeLedger.Core.Scorecards;

/// <summary>
/// The second axis: how much of what the data says is confirmed. Of the values logged in the assessment window, how
/// many the counterparty acknowledged or a verifier verified (or a resolution settled), and how many are under an
/// open dispute; <see cref="Passes"/> when the policy's share is reached and no dispute is open (unless the policy
/// counts disputed values).
/// </summary>
public sealed record ScorecardConfirmation
{
    /// <summary>Current values logged in the assessment window.</summary>
    public required int Values { get; init; }

    /// <summary>Of them, acknowledged, verified or resolved.</summary>
    public required int Confirmed { get; init; }

    /// <summary>Confirmed in percent of the values (0 when there are none).</summary>
    public required double Share { get; init; }

    /// <summary>The policy's minimum share, in percent.</summary>
    public required double RequiredShare { get; init; }

    /// <summary>Values in the window under an open dispute.</summary>
    public required int OpenDisputes { get; init; }

    public required bool Passes { get; init; }

    /// <summary>How the window's values were confirmed, by whom and from which file, and how many are not; omitted when the policy does not ask for data notes.</summary>
    public IReadOnlyList<ScorecardConfirmationSource>? Sources { get; init; }
}
