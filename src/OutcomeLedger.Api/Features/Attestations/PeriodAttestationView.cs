using OutcomeLedger.Core.Sessions;

namespace OutcomeLedger.Api.Features.Attestations;

/// <summary>What an attestation by period logged: each value with the entry of its attestation, and the values already attested alike (left alone).</summary>
public sealed record PeriodAttestationView(string Indicator, string From, string To, string Verdict, ulong? Checkpoint, IReadOnlyList<PeriodAttestationView.Value> Attested, IReadOnlyList<ulong> AlreadyAttested)
{
    public static PeriodAttestationView Of(PeriodAttestationRequest request, PeriodAttestationReport report)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(report);
        return new(
            report.Indicator.Id.Value,
            request.From.ToString(),
            request.To.ToString(),
            System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(report.Verdict.ToString()),
            report.CheckpointSize,
            [.. report.Attested.Select(a => new Value(a.Attestation, a.Measurement.Index, a.Measurement.Record.Period.ToString(), a.Measurement.Record.Dimensions, a.Measurement.Record.Value))],
            [.. report.AlreadyAttested.Select(m => m.Index)]);
    }

    /// <summary>One attested value: the attestation's entry, the measurement's entry, its period, dimensions and value.</summary>
    public sealed record Value(ulong Attestation, ulong Measurement, string Period, IReadOnlyDictionary<string, string> Dimensions, decimal Figure);
}
