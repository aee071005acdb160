using OutcomeLedger.Core.Evaluation;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Text;
using Spectre.Console;

namespace OutcomeLedger.Cli.Commands.Measure;

/// <summary>
/// How far a measurement has been checked, as a table shows it: its verification status from its history (a dispute
/// raised on a value it corrected included), with the open disputes' figures, or the step that gave the status.
/// </summary>
internal static class MeasurementStatus
{
    public static string Of(MeasurementState measurement)
    {
        ArgumentNullException.ThrowIfNull(measurement);
        var verification = MeasurementVerification.Of(measurement);
        var status = MeasurementVerification.PolicyName(verification.Status);

        // Both figures while a dispute is open, whichever value of the series it was raised on.
        if (verification.OpenDisputes.Count > 0)
        {
            return $"{status} ({string.Join("; ", verification.OpenDisputes.Select(d => $"{d.Record.Author}: {ValueOptions.Format(d.Record.Figure ?? 0)}"))})";
        }

        // The step that gave the status: the resolution (with the figure that stands), the verifier's verdict, the acknowledgement.
        var kind = verification.Status switch
        {
            VerificationStatus.Resolved => ValueEventKind.Resolved,
            VerificationStatus.Verified => ValueEventKind.Verified,
            VerificationStatus.VerificationFailed => ValueEventKind.VerificationFailed,
            VerificationStatus.Acknowledged => ValueEventKind.Acknowledged,
            _ => (ValueEventKind?)null,
        };
        return verification.History.LastOrDefault(e => e.Kind == kind) is not { } step
            ? status
            : step.Kind == ValueEventKind.Resolved ? $"{status} ({step.Party}: {ValueOptions.Format(verification.Stands)})" : $"{status} ({step.Party})";
    }

    public static string Dimensions(IReadOnlyDictionary<string, string> dimensions) =>
        dimensions.Count == 0 ? "" : string.Join(", ", dimensions.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key}={d.Value}"));

    /// <summary>A row for --json: the record, its entry, its correction and its attestations.</summary>
    public static MeasurementRow Json(MeasurementState m) => new(
        m.Index,
        MeasurementVerification.PolicyName(MeasurementVerification.Of(m).Status),
        m.SupersededBy,
        m.Record,
        m.Attestations.Select(a => new AttestationRow(a.Index, a.Record)));

    /// <summary>
    /// Measurements as a table: period, dimensions, value, status, source line and entry (with corrections). Statuses
    /// are shown as the codes <c>outcomes attest --verdict</c> takes.
    /// </summary>
    public static Table Table(IEnumerable<MeasurementState> measurements, string unit, TextCatalogue text)
    {
        var table = new Table().AddColumns(
            Markup.Escape(text.Period), Markup.Escape(text.Dimensions), Markup.Escape(TextCatalogue.Fill(text.ValueIn, ("unit", unit))),
            Markup.Escape(text.Status), Markup.Escape(text.Source), Markup.Escape(text.EntryHeading));
        foreach (var m in measurements)
        {
            var source = m.Record.Source.FileName is { } fileName
                ? $"{fileName}:{m.Record.Source.Line}"
                : m.Record.Source.Dataset;
            var entry = ValueOptions.Format(m.Index)
                + (m.Record.Supersedes is { } old ? TextCatalogue.Fill(text.CorrectsEntry, ("entry", ValueOptions.Format(old))) : "")
                + (m.SupersededBy is { } by ? TextCatalogue.Fill(text.CorrectedBy, ("entry", ValueOptions.Format(by))) : "")
                + (m.Record.Provisional ? " " + text.Provisional : "");
            table.AddRow(
                m.Record.Period.ToString(), Markup.Escape(MeasurementStatus.Dimensions(m.Record.Dimensions)), ValueOptions.Format(m.Record.Value),
                Markup.Escape(MeasurementStatus.Of(m)), Markup.Escape(source), Markup.Escape(entry));
        }

        return table;
    }
}
