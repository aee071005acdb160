namespace OutcomeLedger.Api.Features.Witnesses;

/// <summary>Why a submission to a witness failed: an outage to wait out, or a configuration or fork alarm to act on.</summary>
public enum WitnessAlarm
{
    /// <summary>No answer in time, a refused connection, or a status the protocol does not define (5xx): retried with back-off.</summary>
    Unreachable,

    /// <summary>403: the witness trusts no key that signed our checkpoint (configuration: give it our log's verifier key).</summary>
    UntrustedLogKey,

    /// <summary>404: the witness does not witness our origin (configuration).</summary>
    UnknownLog,

    /// <summary>422: our consistency proof from the size the witness holds does not verify: it saw another history (fork alarm).</summary>
    Inconsistent,

    /// <summary>409 at the same size: the witness cosigned another root for the size it holds (fork alarm).</summary>
    Forked,

    /// <summary>The witness says it cosigned a tree larger than ours: another log with our origin, or a rollback of ours (fork alarm).</summary>
    SizeBeyondLog,

    /// <summary>400: the witness found our request malformed.</summary>
    RequestRefused,

    /// <summary>The answer is not what the protocol defines (a 409 without a size, a 200 without signature lines).</summary>
    MalformedAnswer,

    /// <summary>The 200 answer holds no valid cosignature by the configured key (another key, or one that does not verify).</summary>
    BadCosignature,
}
