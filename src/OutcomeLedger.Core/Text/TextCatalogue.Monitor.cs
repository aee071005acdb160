namespace OutcomeLedger.Core.Text;

// Words of the monitor (issue 16, Deliver 3): what a round verified and what each new entry did, in plain words.
public sealed partial class TextCatalogue
{
    /// <summary>First round: <c>{origin}</c>, <c>{size}</c>.</summary>
    public required string MonitorFirstLook { get; init; }

    /// <summary>The log grew: <c>{origin}</c>, <c>{old}</c>, <c>{size}</c>.</summary>
    public required string MonitorGrew { get; init; }

    /// <summary>Nothing new: <c>{origin}</c>, <c>{size}</c>.</summary>
    public required string MonitorUnchanged { get; init; }

    /// <summary>A new value: <c>{index}</c>, <c>{author}</c>, <c>{indicator}</c>, <c>{period}</c>, <c>{value}</c>.</summary>
    public required string MonitorReported { get; init; }

    /// <summary>A correction: <c>{index}</c>, <c>{author}</c>, <c>{indicator}</c>, <c>{period}</c>, <c>{old}</c>, <c>{value}</c>.</summary>
    public required string MonitorCorrected { get; init; }

    /// <summary>An attestation: <c>{index}</c>, <c>{author}</c>, <c>{verb}</c> (<see cref="MonitorVerb"/>), <c>{indicator}</c>, <c>{period}</c>, <c>{value}</c>.</summary>
    public required string MonitorAttested { get; init; }

    /// <summary>Any other entry: <c>{index}</c>, <c>{author}</c>, <c>{kind}</c>.</summary>
    public required string MonitorLogged { get; init; }

    /// <summary>Several new values in a row: <c>{index}</c> (a range), <c>{author}</c>, <c>{count}</c>, <c>{indicator}</c>, <c>{periods}</c>.</summary>
    public required string MonitorReportedMany { get; init; }

    /// <summary>Several corrections in a row: <c>{index}</c>, <c>{author}</c>, <c>{count}</c>, <c>{indicator}</c>, <c>{periods}</c>.</summary>
    public required string MonitorCorrectedMany { get; init; }

    /// <summary>Several attestations in a row: <c>{index}</c>, <c>{author}</c>, <c>{verb}</c>, <c>{count}</c>, <c>{indicator}</c>, <c>{periods}</c>.</summary>
    public required string MonitorAttestedMany { get; init; }

    /// <summary>Several other entries of one kind in a row: <c>{index}</c>, <c>{author}</c>, <c>{count}</c>, <c>{kind}</c>.</summary>
    public required string MonitorLoggedMany { get; init; }

    /// <summary>The verb of an acknowledgement ("mx acknowledged …").</summary>
    public required string MonitorVerbAcknowledged { get; init; }

    /// <summary>The verb of a dispute.</summary>
    public required string MonitorVerbDisputed { get; init; }

    /// <summary>The verb of a verification.</summary>
    public required string MonitorVerbVerified { get; init; }

    /// <summary>The verb of a failed verification.</summary>
    public required string MonitorVerbVerificationFailed { get; init; }

    /// <summary>The verb of a resolution.</summary>
    public required string MonitorVerbResolved { get; init; }

    /// <summary>The verb of a withdrawn dispute.</summary>
    public required string MonitorVerbWithdrawn { get; init; }

    /// <summary>A peer saw the same history: <c>{peer}</c>, <c>{size}</c>.</summary>
    public required string MonitorPeerAgrees { get; init; }

    /// <summary>A peer saw more: <c>{peer}</c>, <c>{size}</c>.</summary>
    public required string MonitorPeerAhead { get; init; }

    /// <summary>A peer's checkpoint is not the log's: <c>{peer}</c>.</summary>
    public required string MonitorPeerUnverified { get; init; }

    /// <summary>What a party did to a value with an attestation of <paramref name="verdict"/>, as a verb.</summary>
    public string MonitorVerb(Ledger.Verdict verdict) => verdict switch
    {
        Ledger.Verdict.Acknowledged => MonitorVerbAcknowledged,
        Ledger.Verdict.Disputed => MonitorVerbDisputed,
        Ledger.Verdict.Verified => MonitorVerbVerified,
        Ledger.Verdict.VerificationFailed => MonitorVerbVerificationFailed,
        Ledger.Verdict.Resolved => MonitorVerbResolved,
        Ledger.Verdict.Withdrawn => MonitorVerbWithdrawn,
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
    };
}
