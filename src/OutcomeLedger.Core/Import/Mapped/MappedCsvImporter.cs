using OutcomeLedger.Core.Import.Csv;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Import.Mapped;

/// <summary>
/// Imports any RFC 4180 CSV with a header through a <see cref="ColumnMapping"/>: periods written
/// <c>yyyy-MM</c>, values in the invariant culture, every mapped dimension non-empty. Columns not in the mapping
/// are ignored.
/// </summary>
public static class MappedCsvImporter
{
    public static ImportResult<ImportedObservation> Import(Stream content, string fileName, ColumnMapping mapping, MappedCsvRules? rules = null, ImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        rules ??= MappedCsvRules.Default;
        options ??= ImportOptions.Default;
        var errors = new List<ImportError>();
        var totals = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var source = CsvFile.Read(content, fileName, options, mapping.Columns, allowOtherColumns: true, row =>
        {
            var periodText = row[mapping.PeriodColumn];
            if (!options.TryParseMonth(periodText, out var period, out var periodError))
            {
                row.AddError(mapping.PeriodColumn, periodError);
            }

            var value = row.Decimal(mapping.ValueColumn, rules.AllowNegativeValues);
            var dimensions = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (dimension, column) in mapping.DimensionColumns)
            {
                if (row.Required(column) is { } dimensionValue)
                {
                    dimensions.Add(dimension, dimensionValue);
                }
            }

            var note = mapping.NoteColumn is null || row[mapping.NoteColumn].Length == 0 ? null : row[mapping.NoteColumn];
            if (row.HasErrors)
            {
                return;
            }

            var key = string.Join('\u001f', [period.ToString(), .. dimensions.Values]);
            if (!totals.TryGetValue(key, out var entry))
            {
                totals.Add(key, new Entry(new ImportedObservation(period, dimensions, value!.Value, row.FileName, row.Line, note)));
            }
            else if (!rules.SumDuplicates)
            {
                row.AddError("", $"a second row for {Describe(period, dimensions)}; the first is on line {entry.Observation.SourceLine} (set SumDuplicates if the rows are parts of one total)");
            }
            else
            {
                try
                {
                    entry.Observation = entry.Observation with { Value = entry.Observation.Value + value!.Value };
                }
                catch (OverflowException)
                {
                    row.AddError(mapping.ValueColumn, $"the sum for {Describe(period, dimensions)} overflows");
                }
            }
        }, errors);

        var observations = totals.Values.Select(e => e.Observation)
            .OrderBy(o => o.Period)
            .ThenBy(o => string.Join('\u001f', o.Dimensions.Values), StringComparer.Ordinal)
            .ToList();
        return ImportResult<ImportedObservation>.Create([source], observations, errors);
    }

    static string Describe(Period period, SortedDictionary<string, string> dimensions) =>
        dimensions.Count == 0 ? period.ToString() : $"{period} with {string.Join(", ", dimensions.Select(d => $"{d.Key}={d.Value}"))}";

    sealed class Entry(ImportedObservation observation)
    {
        public ImportedObservation Observation { get; set; } = observation;
    }
}
