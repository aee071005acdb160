using OutcomeLedger.Core.Import.Csv;

namespace OutcomeLedger.Core.Import.Mexico;

/// <summary>
/// Reads the hand-transcribed Mexico files shipped in data/mexico/: transfers of defendants to U.S. custody, and
/// the Security Cabinet's cumulative self-reported figures. Every row must carry the address it was read from.
/// </summary>
public static class MexicoTranscriptionReader
{
    static readonly string[] TransferColumns =
        ["date", "persons_transferred", "cumulative_running_sum", "legal_basis", "death_penalty_assurance", "us_source", "mx_source", "found_at_url"];

    static readonly string[] CabinetColumns =
        ["period_start", "period_end", "metric", "qualifier", "value", "unit", "original_publisher", "transcribed_from_url", "note"];

    /// <summary>Reads transfers; checks each count is positive, dates are distinct, and the running sum adds up in date order.</summary>
    public static ImportResult<TranscribedTransfer> ReadTransfers(Stream content, string fileName, ImportOptions? options = null)
    {
        options ??= ImportOptions.Default;
        var errors = new List<ImportError>();
        var transfers = new List<TranscribedTransfer>();
        var dates = new Dictionary<DateOnly, int>();
        var source = CsvFile.Read(content, fileName, options, TransferColumns, allowOtherColumns: false, row =>
        {
            var date = row.Date("date", options);
            var persons = row.Count("persons_transferred");
            if (persons == 0)
            {
                row.AddError("persons_transferred", "a transfer of 0 persons is not a transfer");
            }

            var cumulative = row.Count("cumulative_running_sum");
            var legalBasis = row.Required("legal_basis");
            var assurance = row.Required("death_penalty_assurance");
            var usSource = row.Required("us_source");
            var mxSource = row.Required("mx_source");
            var url = row.WebAddress("found_at_url");
            if (date is { } d && !dates.TryAdd(d, row.Line))
            {
                row.AddError("date", $"a second transfer on {d:yyyy-MM-dd}; the first is on line {dates[d]}");
            }

            if (!row.HasErrors)
            {
                transfers.Add(new TranscribedTransfer(date!.Value, persons!.Value, cumulative!.Value, legalBasis!, assurance!, usSource!, mxSource!, url!, row.FileName, row.Line));
            }
        }, errors);

        var ordered = transfers.OrderBy(t => t.Date).ToList();
        if (errors.Count == 0)
        {
            long running = 0;
            foreach (var transfer in ordered)
            {
                running += transfer.PersonsTransferred;
                if (transfer.CumulativeTransferred != running)
                {
                    errors.Add(new ImportError(transfer.SourceFile, transfer.SourceLine, "cumulative_running_sum",
                        $"{transfer.CumulativeTransferred} is not the running sum of persons_transferred in date order ({running})"));
                }
            }
        }

        return ImportResult<TranscribedTransfer>.Create([source], ordered, errors);
    }

    /// <summary>Reads the Security Cabinet's cumulative figures; one figure per metric and period.</summary>
    public static ImportResult<SelfReportedCabinetFigure> ReadSecurityCabinetFigures(Stream content, string fileName, ImportOptions? options = null)
    {
        options ??= ImportOptions.Default;
        var errors = new List<ImportError>();
        var figures = new List<SelfReportedCabinetFigure>();
        var seen = new Dictionary<(DateOnly, DateOnly, string), int>();
        var source = CsvFile.Read(content, fileName, options, CabinetColumns, allowOtherColumns: false, row =>
        {
            var start = row.Date("period_start", options);
            var end = row.Date("period_end", options);
            if (start > end)
            {
                row.AddError("period_end", $"the period ends ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd})");
            }

            var metric = row.Required("metric");
            if (metric is not null && !metric.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
            {
                row.AddError("metric", $"'{CsvRow.Shorten(metric)}' is not a metric name (lower-case letters, digits, underscores)");
            }

            var qualifier = Qualifier(row);
            var value = row.Decimal("value", allowNegative: false);
            var unit = row.Required("unit");
            var publisher = row.Required("original_publisher");
            var url = row.WebAddress("transcribed_from_url");
            var note = row["note"];
            if (start is { } s && end is { } e && metric is not null && !seen.TryAdd((s, e, metric), row.Line))
            {
                row.AddError("metric", $"a second '{metric}' figure for {s:yyyy-MM-dd}..{e:yyyy-MM-dd}; the first is on line {seen[(s, e, metric)]}");
            }

            if (!row.HasErrors)
            {
                figures.Add(new SelfReportedCabinetFigure(start!.Value, end!.Value, metric!, qualifier!.Value, value!.Value, unit!, publisher!, url!,
                    note.Length == 0 ? null : note, row.FileName, row.Line));
            }
        }, errors);
        return ImportResult<SelfReportedCabinetFigure>.Create([source], figures, errors);
    }

    static FigureQualifier? Qualifier(CsvRow row)
    {
        var text = row["qualifier"];
        switch (text)
        {
            case "":
                return FigureQualifier.Exact;
            case "more than":
                return FigureQualifier.MoreThan;
            case "about":
                return FigureQualifier.About;
            default:
                row.AddError("qualifier", $"'{CsvRow.Shorten(text)}' is not a known qualifier (empty, 'more than', 'about')");
                return null;
        }
    }
}
