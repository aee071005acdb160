using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Text;
using Spectre.Console;

namespace OutcomeLedger.Cli.Commands.Measure;

/// <summary>
/// How far a measurement has been checked, as a table shows it: the latest verdict on it (acknowledged, disputed with
/// the other figure, verified, verification-failed, resolved), else self-reported (ARCHITECTURE.md §4).
/// </summary>
internal static class MeasurementStatus
{
    public static string Of(MeasurementState measurement)
    {
        ArgumentNullException.ThrowIfNull(measurement);
        if (measurement.Attestations.Count == 0)
        {
            return "self-reported";
        }

        var latest = measurement.Attestations[^1].Record;
        var status = ValueOptions.Name(latest.Verdict);
        return latest.Figure is { } figure ? $"{status} ({latest.Author}: {ValueOptions.Format(figure)})" : $"{status} ({latest.Author})";
    }

    public static string Dimensions(IReadOnlyDictionary<string, string> dimensions) =>
        dimensions.Count == 0 ? "" : string.Join(", ", dimensions.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key}={d.Value}"));

    /// <summary>A row for --json: the record, its entry, its correction and its attestations.</summary>
    public static object Json(MeasurementState m) => new
    {
        entry = m.Index,
        status = m.Attestations.Count == 0 ? "self-reported" : ValueOptions.Name(m.Attestations[^1].Record.Verdict),
        supersededBy = m.SupersededBy,
        measurement = m.Record,
        attestations = m.Attestations.Select(a => new { entry = a.Index, attestation = a.Record }),
    };

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
