using OutcomeLedger.Core.Ledger;
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

    /// <summary>Measurements as a table: period, dimensions, value, status, source line and entry (with corrections).</summary>
    public static Table Table(IEnumerable<MeasurementState> measurements, string unit)
    {
        var table = new Table().AddColumns("Period", "Dimensions", $"Value ({Markup.Escape(unit)})", "Status", "Source", "Entry");
        foreach (var m in measurements)
        {
            var source = m.Record.Source.FileName is { } fileName
                ? $"{fileName}:{m.Record.Source.Line}"
                : m.Record.Source.Dataset;
            var entry = ValueOptions.Format(m.Index)
                + (m.Record.Supersedes is { } old ? $" (corrects {old})" : "")
                + (m.SupersededBy is { } by ? $" (corrected by {by})" : "")
                + (m.Record.Provisional ? " provisional" : "");
            table.AddRow(
                m.Record.Period.ToString(), Markup.Escape(MeasurementStatus.Dimensions(m.Record.Dimensions)), ValueOptions.Format(m.Record.Value),
                Markup.Escape(MeasurementStatus.Of(m)), Markup.Escape(source), entry);
        }

        return table;
    }
}
