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

    /// <summary>An attestation: <c>{index}</c>, <c>{author}</c>, <c>{verdict}</c>, <c>{indicator}</c>, <c>{period}</c>, <c>{value}</c>.</summary>
    public required string MonitorAttested { get; init; }

    /// <summary>Any other entry: <c>{index}</c>, <c>{author}</c>, <c>{kind}</c>.</summary>
    public required string MonitorLogged { get; init; }

    /// <summary>A peer saw the same history: <c>{peer}</c>, <c>{size}</c>.</summary>
    public required string MonitorPeerAgrees { get; init; }

    /// <summary>A peer saw more: <c>{peer}</c>, <c>{size}</c>.</summary>
    public required string MonitorPeerAhead { get; init; }

    /// <summary>A peer's checkpoint is not the log's: <c>{peer}</c>.</summary>
    public required string MonitorPeerUnverified { get; init; }
}
