using System.Globalization;
using OutcomeLedger.Core.Import.Csv;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Import.Cbp;

/// <summary>
/// Reads CBP's "nationwide drug seizures" CSV files as published (cbp.gov/document/stats/nationwide-drug-seizures)
/// and sums selected rows into monthly series. The fiscal year runs October to September: FY2026 OCT is 2025-10.
/// </summary>
public static class CbpDrugSeizureImporter
{
    static readonly string[] MonthAbbreviations = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    const string FiscalYearToDateSuffix = " (FYTD)";

    /// <summary>Reads, sums and checks several files (e.g. FY19–22 and FY23–26) as one import: any error in any file fails all.</summary>
    public static ImportResult<ImportedObservation> Import(IReadOnlyList<ImportInput> files, CbpSeizureSelection selection, ImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(selection);
        var read = files.Select(file => ReadRows(file.Content, file.FileName, options)).ToList();
        return Aggregate(read, selection);
    }

    /// <summary>Reads one file into typed rows, checking every field.</summary>
    public static ImportResult<CbpDrugSeizureRow> ReadRows(Stream content, string fileName, ImportOptions? options = null)
    {
        options ??= ImportOptions.Default;
        var errors = new List<ImportError>();
        var rows = new List<CbpDrugSeizureRow>();
        var source = CsvFile.Read(content, fileName, options, CbpValues.Columns, allowOtherColumns: false, row =>
        {
            if (ParseRow(row, options) is { } parsed)
            {
                rows.Add(parsed);
            }
        }, errors);
        return ImportResult<CbpDrugSeizureRow>.Create([source], rows, errors);
    }

    /// <summary>
    /// Sums the selected rows of already-read files per month (and per <see cref="CbpSeizureSelection.GroupBy"/>
    /// value). Fails if any file failed, if two rows describe the same fiscal month, component, region, land
    /// filter, area and drug (overlapping files would otherwise be counted twice), or if a filter value matches no row.
    /// </summary>
    public static ImportResult<ImportedObservation> Aggregate(IReadOnlyList<ImportResult<CbpDrugSeizureRow>> files, CbpSeizureSelection selection)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(selection);
        if (selection.GroupBy.Distinct().Count() != selection.GroupBy.Count)
        {
            throw new ArgumentException("a dimension is grouped by twice", nameof(selection));
        }

        var filters = Filters(selection);
        var sources = files.SelectMany(file => file.Sources).ToList();
        var errors = files.SelectMany(file => file.Errors).ToList();
        if (errors.Count > 0)
        {
            return ImportResult<ImportedObservation>.Create(sources, [], errors);
        }

        var rows = files.SelectMany(file => file.Items).ToList();
        CheckNoDuplicates(rows, errors);
        foreach (var (dimension, values) in filters)
        {
            CheckFilterMatches(rows, dimension, values, sources, errors);
        }

        if (errors.Count > 0)
        {
            return ImportResult<ImportedObservation>.Create(sources, [], errors);
        }

        var selected = rows.Where(row => filters.All(filter => filter.Values.Contains(CbpValues.ValueOf(row, filter.Dimension))));
        var observations = Sum(selected, selection, rows, errors);
        return ImportResult<ImportedObservation>.Create(sources, observations, errors);
    }

    static CbpDrugSeizureRow? ParseRow(CsvRow row, ImportOptions options)
    {
        var fiscalYearText = row[CbpValues.FiscalYearColumn];
        var toDate = fiscalYearText.EndsWith(FiscalYearToDateSuffix, StringComparison.Ordinal);
        var yearText = toDate ? fiscalYearText[..^FiscalYearToDateSuffix.Length] : fiscalYearText;
        int? fiscalYear = null;
        if (yearText.Length == 4 && int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            fiscalYear = year;
        }
        else
        {
            row.AddError(CbpValues.FiscalYearColumn, $"'{CsvRow.Shorten(fiscalYearText)}' is not a fiscal year such as 2024 or 2026 (FYTD)");
        }

        var monthText = row[CbpValues.MonthColumn];
        var month = Array.FindIndex(MonthAbbreviations, abbreviation => abbreviation.Equals(monthText, StringComparison.OrdinalIgnoreCase)) + 1;
        if (month == 0)
        {
            row.AddError(CbpValues.MonthColumn, $"'{CsvRow.Shorten(monthText)}' is not a month abbreviation (JAN..DEC)");
        }

        var period = default(Period);
        if (fiscalYear is { } fy && month > 0)
        {
            // October to December belong to the fiscal year that ends the next September.
            var calendarYear = month >= 10 ? fy - 1 : fy;
            if (!options.TryMonth(calendarYear, month, out period, out var periodError))
            {
                row.AddError(CbpValues.FiscalYearColumn, periodError);
            }
        }

        var component = row.Required(CbpValues.ComponentColumn);
        var region = row.Required(CbpValues.RegionColumn);
        var landFilter = row.Required(CbpValues.LandFilterColumn);
        var area = row.Required(CbpValues.AreaOfResponsibilityColumn);
        var drug = row.Required(CbpValues.DrugTypeColumn);
        var events = row.Count(CbpValues.EventCountColumn);
        var pounds = row.Decimal(CbpValues.PoundsColumn, allowNegative: false);
        if (row.HasErrors)
        {
            return null;
        }

        return new CbpDrugSeizureRow(fiscalYear!.Value, toDate, period, component!, region!, landFilter!, area!, drug!, events!.Value, pounds!.Value, row.FileName, row.Line);
    }

    static void CheckNoDuplicates(List<CbpDrugSeizureRow> rows, List<ImportError> errors)
    {
        var seen = new Dictionary<(int, int, string, string, string, string, string), CbpDrugSeizureRow>();
        foreach (var row in rows)
        {
            var key = (row.FiscalYear, row.Period.MonthOfYear, row.Component, row.Region, row.LandFilter, row.AreaOfResponsibility, row.DrugType);
            if (!seen.TryAdd(key, row))
            {
                var first = seen[key];
                errors.Add(new ImportError(row.SourceFile, row.SourceLine, "",
                    $"same fiscal year, month, component, region, land filter, area and drug type as {first.SourceFile}:{first.SourceLine}; counting both would count the month twice"));
            }
        }
    }

    static List<(CbpDimension Dimension, HashSet<string> Values)> Filters(CbpSeizureSelection selection)
    {
        var filters = new List<(CbpDimension, HashSet<string>)>();
        Add(CbpDimension.DrugType, selection.DrugTypes);
        Add(CbpDimension.Component, selection.Components);
        Add(CbpDimension.Region, selection.Regions);
        Add(CbpDimension.LandFilter, selection.LandFilters);
        Add(CbpDimension.AreaOfResponsibility, selection.AreasOfResponsibility);
        return filters;

        void Add(CbpDimension dimension, IReadOnlyList<string>? values)
        {
            if (values is not null)
            {
                if (values.Count == 0)
                {
                    throw new ArgumentException($"the {dimension} filter lists no value; use null to keep every row", nameof(selection));
                }

                filters.Add((dimension, new HashSet<string>(values, StringComparer.OrdinalIgnoreCase)));
            }
        }
    }

    static void CheckFilterMatches(List<CbpDrugSeizureRow> rows, CbpDimension dimension, HashSet<string> values, List<ImportSource> sources, List<ImportError> errors)
    {
        var present = rows.Select(row => CbpValues.ValueOf(row, dimension)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var value in values.Where(value => !present.Contains(value)))
        {
            var known = string.Join(", ", present.Order(StringComparer.Ordinal).Select(v => $"'{v}'"));
            var file = sources.Count == 1 ? sources[0].FileName : string.Join(", ", sources.Select(s => s.FileName));
            errors.Add(new ImportError(file, 0, CbpValues.ColumnName(dimension), $"the filter value '{value}' matches no row; the files have {known}"));
        }
    }

    static List<ImportedObservation> Sum(IEnumerable<CbpDrugSeizureRow> selected, CbpSeizureSelection selection, List<CbpDrugSeizureRow> allRows, List<ImportError> errors)
    {
        var groups = new Dictionary<(Period Period, string Group), Total>();
        foreach (var row in selected)
        {
            var key = (row.Period, GroupKey(row, selection.GroupBy));
            if (!groups.TryGetValue(key, out var total))
            {
                total = new Total(row);
                groups.Add(key, total);
            }

            var column = selection.Measure == CbpMeasure.Pounds ? CbpValues.PoundsColumn : CbpValues.EventCountColumn;
            try
            {
                var add = selection.Measure == CbpMeasure.Pounds ? row.Pounds : row.EventCount;
                var sum = total.Value + add;

                // decimal addition rounds (dropping decimal places) when the exact sum needs more than 28 digits.
                if (sum.Scale < Math.Max(total.Value.Scale, add.Scale))
                {
                    errors.Add(new ImportError(row.SourceFile, row.SourceLine, column, $"the sum for {row.Period} needs more than {MeasurementNumber.MaxDigits} significant digits: it would be rounded"));
                }

                total.Value = sum;
            }
            catch (OverflowException)
            {
                errors.Add(new ImportError(row.SourceFile, row.SourceLine, column, $"the sum for {row.Period} overflows"));
            }

            total.FiscalYearToDate |= row.FiscalYearToDate;
        }

        var observations = groups.Select(pair => new ImportedObservation(
                pair.Key.Period,
                Dimensions(pair.Value.First, selection.GroupBy),
                pair.Value.Value,
                pair.Value.First.SourceFile,
                pair.Value.First.SourceLine,
                pair.Value.FiscalYearToDate ? $"fiscal year {pair.Value.First.FiscalYear} to date (FYTD file)" : null))
            .ToList();

        if (selection.IncludeMonthsWithoutSeizuresAsZero)
        {
            observations.AddRange(ZeroMonths(groups, selection, allRows));
        }

        return [.. observations
            .OrderBy(observation => observation.Period)
            .ThenBy(observation => string.Join('\u001f', observation.Dimensions.Values), StringComparer.Ordinal)];
    }

    static IEnumerable<ImportedObservation> ZeroMonths(Dictionary<(Period Period, string Group), Total> groups, CbpSeizureSelection selection, List<CbpDrugSeizureRow> allRows)
    {
        var months = allRows.GroupBy(row => row.Period).Select(g => (Period: g.Key, g.First().SourceFile));
        var groupSamples = groups.GroupBy(pair => pair.Key.Group).Select(g => (Group: g.Key, Sample: g.First().Value.First)).ToList();
        foreach (var (period, file) in months)
        {
            foreach (var (group, sample) in groupSamples)
            {
                if (!groups.ContainsKey((period, group)))
                {
                    yield return new ImportedObservation(period, Dimensions(sample, selection.GroupBy), 0m, file, 0,
                        "no selected row in the source for this month: CBP lists only combinations with seizures, so none were recorded");
                }
            }
        }
    }

    static string GroupKey(CbpDrugSeizureRow row, IReadOnlyList<CbpDimension> groupBy) =>
        string.Join('\u001f', groupBy.Select(dimension => CbpValues.ValueOf(row, dimension)));

    static SortedDictionary<string, string> Dimensions(CbpDrugSeizureRow row, IReadOnlyList<CbpDimension> groupBy)
    {
        var dimensions = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var dimension in groupBy)
        {
            dimensions.Add(CbpValues.DimensionName(dimension), CbpValues.ValueOf(row, dimension));
        }

        return dimensions;
    }

    sealed class Total(CbpDrugSeizureRow first)
    {
        public CbpDrugSeizureRow First { get; } = first;

        public decimal Value { get; set; }

        public bool FiscalYearToDate { get; set; }
    }
}
