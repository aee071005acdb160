using OutcomeLedger.Core.Import;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Sessions;

/// <summary>What a source check found for one logged value, and the verdict it signed (or would sign, in a dry run).</summary>
public enum SourceCheckOutcome
{
    /// <summary>The file gives the same value: verified (by a verifier) or acknowledged (by a party).</summary>
    Matches,

    /// <summary>The file gives another value: disputed, with the file's figure.</summary>
    Differs,

    /// <summary>The author had already given this verdict on the value: left alone.</summary>
    AlreadyAttested,

    /// <summary>The value's period is in the file, but the file has no value for its series.</summary>
    NotInFile,
}

/// <summary>One logged value checked against the file: what the file gives, where, and the attestation logged.</summary>
public sealed record SourceCheck(MeasurementState Value, SourceCheckOutcome Outcome, decimal? Derived, string? File, int? Line)
{
    /// <summary>The attestation's entry, once logged.</summary>
    public ulong? Attestation { get; init; }
}

/// <summary>
/// What <see cref="LedgerSession.VerifySourceAsync"/> found: every logged value of the periods the files cover (a match
/// signed <see cref="MatchVerdict"/>: verified by a verifier, acknowledged by a party), and the
/// files' values the ledger does not hold (<see cref="NotLogged"/>). <see cref="Errors"/> lists the files' problems
/// (nothing was attested then).
/// </summary>
public sealed record SourceVerificationReport(
    IndicatorRecord Indicator,
    Verdict MatchVerdict,
    SourceRead Read,
    IReadOnlyList<SourceCheck> Checks,
    IReadOnlyList<MeasurementRecord> NotLogged,
    IReadOnlyList<ImportError> Errors,
    bool DryRun,
    ulong? CheckpointSize)
{
    public bool Succeeded => Errors.Count == 0;

    public int Count(SourceCheckOutcome outcome) => Checks.Count(c => c.Outcome == outcome);
}
