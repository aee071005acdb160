using System.Text;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Sequencing;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Reports;

/// <summary>
/// The spreadsheet export from a scorecard alone (nothing is computed again): a summary sheet with every commitment's
/// two axes in the reader's language, what it needs, and the checkpoint's size and root hash; then a sheet per
/// indicator with every value logged (a superseded value after the value that replaced it), its dimensions, the
/// figure reported and the figure that stands, its status, its attestations and its entry. Figures stay exact: a
/// spreadsheet is for computing, the reader's rounding is the cell format's business.
/// </summary>
public static class ExportBuilder
{
    /// <summary>The longest sheet name an xlsx workbook accepts (ECMA-376 §18.2.19 as Excel applies it).</summary>
    public const int MaxSheetName = 31;

    public static ExportWorkbook Build(Scorecard scorecard, ScorecardLanguage language)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        var t = TextCatalogue.For(language);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var sheets = new List<ExportSheet> { Summary(scorecard, t, Unique(t.Summary, names)) };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var indicator in scorecard.Commitments.SelectMany(c => c.Indicators))
        {
            if (seen.Add(indicator.Id))
            {
                sheets.Add(Indicator(indicator, t, Unique(indicator.Id, names)));
            }
        }

        var time = LogTime.Of(scorecard.Checkpoint.SignedNote) ?? new DateTimeOffset(scorecard.AsOf.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return new ExportWorkbook
        {
            Title = scorecard.Agreement.Title,
            Language = t.Code,
            Time = time,
            CheckpointSize = scorecard.Checkpoint.Size,
            RootHash = scorecard.Checkpoint.RootHash,
            Sheets = sheets,
        };
    }

    static ExportSheet Summary(Scorecard scorecard, TextCatalogue t, string name)
    {
        var e = t.Export;
        ExportColumn[] columns =
        [
            new(e.CommitmentId, ExportCellKind.Text),
            new(t.Commitment, ExportCellKind.Text),
            new(t.MadeOn, ExportCellKind.Date),
            new(t.Due, ExportCellKind.Date),
            new(t.Rating, ExportCellKind.Text),
            new(t.DataSays, ExportCellKind.Text),
            new(t.ConfirmedAxis, ExportCellKind.Text),
            new(e.ConfirmedShare, ExportCellKind.Number),
            new(e.OpenDisputes, ExportCellKind.Number),
            new(t.StillNeeds, ExportCellKind.Text),
            new(t.AsOf, ExportCellKind.Date),
            new(e.CheckpointSize, ExportCellKind.Number),
            new(t.RootHash, ExportCellKind.Text),
        ];
        var checkpoint = scorecard.Checkpoint;
        var rows = scorecard.Commitments.Select(c => (IReadOnlyList<ExportCell>)
        [
            ExportCell.Of(c.Id),
            ExportCell.Of(c.Text),
            ExportCell.Of(c.MadeOn),
            ExportCell.Of(c.DueDate),
            ExportCell.Of(t.RatingName(c.Rating)),
            ExportCell.Of(t.RatingName(c.Finding ?? c.Rating)),
            ExportCell.Of(c.Confirmation is { } confirmation ? t.Confirmation(confirmation) : null),
            c.Confirmation is { } share ? ExportCell.Of(share.Values == 0 ? 0m : 100m * share.Confirmed / share.Values) : ExportCell.Empty,
            c.Confirmation is { } open ? ExportCell.Of(open.OpenDisputes) : ExportCell.Empty,
            ExportCell.Of(t.Needs(c.Needs, AxisSentence.NamesIn(c))),
            ExportCell.Of(scorecard.AsOf),
            ExportCell.Of(checkpoint.Size),
            ExportCell.Of(checkpoint.RootHash),
        ]).ToList();
        return new ExportSheet(name, columns, rows);
    }

    static ExportSheet Indicator(ScorecardIndicator indicator, TextCatalogue t, string name)
    {
        var e = t.Export;
        // One column per dimension, in the order the series first name them; the total's cells stay empty.
        var dimensions = indicator.Series.SelectMany(s => s.Dimensions.Keys).Distinct(StringComparer.Ordinal).ToList();
        var columns = new List<ExportColumn>
        {
            new(t.Period, ExportCellKind.Text),
            new(e.PeriodStart, ExportCellKind.Date),
        };
        columns.AddRange(dimensions.Select(d => new ExportColumn(d, ExportCellKind.Text)));
        columns.AddRange(
        [
            new(e.ValueReported, ExportCellKind.Number),
            new(e.ValueStanding, ExportCellKind.Number),
            new(t.Status, ExportCellKind.Text),
            new(e.Attestations, ExportCellKind.Text),
            new(t.EntryIndex, ExportCellKind.Number),
            new(e.LeafHash, ExportCellKind.Text),
        ]);

        var rows = new List<IReadOnlyList<ExportCell>>();
        foreach (var series in indicator.Series)
        {
            var where = dimensions.Select(d => ExportCell.Of(series.Dimensions.TryGetValue(d, out var v) ? v : null)).ToList();
            foreach (var point in series.Points)
            {
                var start = ExportCell.Of(Period.TryParse(point.Period, out var period) ? period.Start : null);
                rows.Add(Row(point.Period, start, where, ExportCell.Of(point.Reported), ExportCell.Of(point.Stands), t.StatusName(point.Status), Attestations(point.Attestations.Select(a => (a.Party, a.Verdict, a.Figure)), t), point.Entry));
                foreach (var corrected in point.Corrects)
                {
                    // What was said about the superseded value, from the value's history (its steps name the value they are about).
                    var said = (point.History ?? [])
                        .Where(h => h.Value == corrected.Entry.Index && Attested(h.Event) is not null)
                        .Select(h => (h.Party, Attested(h.Event)!.Value, h.Figure));
                    rows.Add(Row(point.Period, start, where, ExportCell.Of(corrected.Value), ExportCell.Empty, e.Superseded, Attestations(said, t), corrected.Entry));
                }
            }
        }

        return new ExportSheet(name, columns, rows);
    }

    static List<ExportCell> Row(string period, ExportCell start, List<ExportCell> where, ExportCell reported, ExportCell stands, string status, string attestations, EntryRef entry)
    {
        var row = new List<ExportCell> { ExportCell.Of(period), start };
        row.AddRange(where);
        row.AddRange([reported, stands, ExportCell.Of(status), ExportCell.Of(attestations.Length == 0 ? null : attestations), ExportCell.Of(entry.Index), ExportCell.Of(entry.LeafHash)]);
        return row;
    }

    static Verdict? Attested(ValueEventKind kind) => kind switch
    {
        ValueEventKind.Acknowledged => Verdict.Acknowledged,
        ValueEventKind.Disputed => Verdict.Disputed,
        ValueEventKind.Withdrawn => Verdict.Withdrawn,
        ValueEventKind.Verified => Verdict.Verified,
        ValueEventKind.VerificationFailed => Verdict.VerificationFailed,
        ValueEventKind.Resolved => Verdict.Resolved,
        _ => null,
    };

    // "mx: disputed (1234); verifier: verified": who, the verdict in the reader's words, a dispute's or resolution's figure exactly.
    static string Attestations(IEnumerable<(string Party, Verdict Verdict, decimal? Figure)> attestations, TextCatalogue t) =>
        string.Join("; ", attestations.Select(a => a.Party + ": " + t.VerdictName(a.Verdict) + (a.Figure is { } figure ? " (" + t.Format.Exact(figure) + ")" : "")));

    /// <summary>
    /// A sheet name from <paramref name="wanted"/>: characters other than letters, digits, '.', '_' and '-' become '-', at most
    /// <see cref="MaxSheetName"/> characters, and a "~2", "~3"… suffix when the name (case aside) is taken.
    /// </summary>
    public static string Unique(string wanted, HashSet<string> taken)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        ArgumentNullException.ThrowIfNull(taken);
        var clean = new StringBuilder(wanted.Length);
        foreach (var c in wanted)
        {
            clean.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' || (char.IsLetter(c) && c > 127) ? c : '-');
        }

        var name = clean.ToString().Trim('.');
        if (name.Length == 0)
        {
            name = "-";
        }

        var candidate = name.Length > MaxSheetName ? name[..MaxSheetName] : name;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            var suffix = "~" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            candidate = (name.Length + suffix.Length > MaxSheetName ? name[..(MaxSheetName - suffix.Length)] : name) + suffix;
        }

        return candidate;
    }
}
