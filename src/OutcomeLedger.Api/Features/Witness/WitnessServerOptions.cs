using OutcomeLedger.Core.Transparency.Notes;

namespace OutcomeLedger.Api.Features.Witness;

/// <summary>How <see cref="WitnessServer"/> runs a witness that is not a log (<c>outcomes witness serve</c>).</summary>
public sealed class WitnessServerOptions
{
    public const string DefaultUrl = "http://127.0.0.1:5090";

    /// <summary>The witness's cosignature/v1 key; the server owns it from here on.</summary>
    public required SignerKey Key { get; init; }

    /// <summary>The verifier keys of the logs it cosigns (each key's name is the log's origin).</summary>
    public required IReadOnlyList<VerifierKey> Logs { get; init; }

    /// <summary>The folder that keeps the latest cosigned checkpoint of every log (<c>witness-state.json</c>).</summary>
    public required string StateFolder { get; init; }

    /// <summary>Where to listen; loopback unless told otherwise. Port 0 picks a free port (tests).</summary>
    public IReadOnlyList<string> Urls { get; init; } = [DefaultUrl];

    /// <summary>Add-checkpoint requests each client address may make per minute.</summary>
    public int RequestsPerMinute { get; init; } = 600;

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>How the witness logs to standard error: plain text lines, or one JSON object a line.</summary>
    public ServerLogFormat LogFormat { get; init; }

    /// <summary>Serve Prometheus metrics on <c>/metrics</c> (off by default).</summary>
    public bool Metrics { get; init; }
}
