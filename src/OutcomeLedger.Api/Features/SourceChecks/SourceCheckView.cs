using System.Text.Json;
using OutcomeLedger.Core.Import;
using OutcomeLedger.Core.Sessions;

namespace OutcomeLedger.Api.Features.SourceChecks;

/// <summary>
/// What a source check found, as <c>outcomes verify-source --json</c> says it: each logged value of the periods the file
/// covers with the file's figure, the outcome (matches, differs, already-attested, not-in-file) and the attestation
/// logged; the file's values the ledger does not hold; and, when the file could not be read, its problems (nothing was
/// attested then).
/// </summary>
public sealed record SourceCheckView(
    string Indicator,
    string Verdict,
    bool DryRun,
    bool Attested,
    ulong? Checkpoint,
    IReadOnlyList<SourceCheckView.SourceFile> Files,
    IReadOnlyList<SourceCheckView.Check> Checks,
    IReadOnlyList<SourceCheckView.FileValue> NotLogged,
    IReadOnlyList<SourceCheckView.Problem> Errors)
{
    public static SourceCheckView Of(SourceVerificationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
        return new(
            report.Indicator.Id.Value,
            Name(report.MatchVerdict),
            report.DryRun,
            report.Succeeded && !report.DryRun,
            report.CheckpointSize,
            [.. report.Read.Sources.Select(s => new SourceFile(s.FileName, s.Sha256?.ToHex()))],
            [.. report.Checks.Select(c => new Check(c.Value.Index, c.Value.Record.Period.ToString(), c.Value.Record.Dimensions, c.Value.Record.Value, c.Derived, Name(c.Outcome), c.File, c.Line, c.Attestation))],
            [.. report.NotLogged.Select(r => new FileValue(r.Period.ToString(), r.Dimensions, r.Value, r.Source.FileName, r.Source.Line))],
            [.. report.Errors.Select(Problem.Of)]);
    }

    /// <summary>A file read, with its SHA-256.</summary>
    public sealed record SourceFile(string File, string? Sha256);

    /// <summary>One logged value checked: its entry, period, dimensions and figure, the file's figure, the outcome, where in the file, and the attestation logged.</summary>
    public sealed record Check(ulong Measurement, string Period, IReadOnlyDictionary<string, string> Dimensions, decimal Logged, decimal? Derived, string Outcome, string? File, int? Line, ulong? Attestation);

    /// <summary>A value the file gives that the ledger does not hold.</summary>
    public sealed record FileValue(string Period, IReadOnlyDictionary<string, string> Dimensions, decimal Value, string? File, int? Line);

    /// <summary>A problem of the file: where (file, line, column) and what.</summary>
    public sealed record Problem(string File, int Line, string? Column, string Message)
    {
        public static Problem Of(ImportError error)
        {
            ArgumentNullException.ThrowIfNull(error);
            return new(error.File, error.Line, error.Column, error.Message);
        }
    }
}
