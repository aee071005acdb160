using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Sequencing;
using OutcomeLedger.Core.Text;
using OutcomeLedger.Core.Transparency.Notes;

namespace OutcomeLedger.Core.Reports;

/// <summary>
/// The ministerial pack from scorecards alone (nothing is computed again): page 1 every commitment with both axes, what
/// changed since an earlier checkpoint and what is needed next; a section per commitment with its statements quoted,
/// its charts, its key figures rounded for people and its disputes with both figures; an annex with the checkpoint,
/// its signatures and the commands that check everything. Every word comes from the catalogue.
/// </summary>
public static class PackBuilder
{
    public static PackDocument Build(PackInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scorecard = input.Scorecard;
        var t = TextCatalogue.For(input.Language);
        var p = t.Pack;
        var f = t.Format;
        var checkpoint = scorecard.Checkpoint;
        var size = f.Number(checkpoint.Size, 0);
        var title = string.IsNullOrWhiteSpace(input.Title)
            ? TextCatalogue.Fill(p.DefaultTitle, ("agreement", scorecard.Agreement.Title))
            : input.Title.Trim();
        var blocks = new List<PackBlock>
        {
            new PackHeading(title, 0),
            new PackParagraph(TextCatalogue.Fill(p.Subtitle, ("date", f.Date(scorecard.AsOf)), ("size", size), ("origin", checkpoint.Origin)), PackStyle.Muted),
        };

        Summary(blocks, input, t);
        foreach (var commitment in scorecard.Commitments)
        {
            Commitment(blocks, commitment, input.ChartWindow, t);
        }

        Annex(blocks, input, t);
        var time = LogTimeOf(checkpoint.SignedNote) ?? new DateTimeOffset(scorecard.AsOf.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return new PackDocument
        {
            Title = title,
            Subject = scorecard.Agreement.Title + " · " + checkpoint.Origin + " · " + size,
            Language = t.Code,
            Time = time,
            PageOf = p.PageOf,
            Footer = scorecard.Agreement.Title + " · " + t.Checkpoint + " " + size,
            Blocks = blocks,
        };
    }

    static void Summary(List<PackBlock> blocks, PackInput input, TextCatalogue t)
    {
        var p = t.Pack;
        var f = t.Format;
        blocks.Add(new PackHeading(p.SummaryHeading, 1));
        blocks.Add(new PackParagraph(p.SummaryIntro, PackStyle.Muted));
        var since = input.Since;
        var headers = new List<string> { t.Commitment, t.Rating, t.DataSays, t.ConfirmedAxis };
        if (since is not null)
        {
            headers.Add(TextCatalogue.Fill(p.SinceColumn, ("date", f.Date(since.Date))));
        }

        var rows = new List<IReadOnlyList<PackCell>>();
        foreach (var c in input.Scorecard.Commitments)
        {
            var row = new List<PackCell>
            {
                c.Text,
                new(t.RatingName(c.Rating)) { Badge = c.Rating },
                new(t.RatingName(c.Finding ?? c.Rating)) { Badge = c.Finding ?? c.Rating },
                c.Confirmation is { } confirmation ? t.Confirmation(confirmation) : "—",
            };
            if (since is not null)
            {
                row.Add(Changes(c, since, t));
            }

            rows.Add(row);
        }

        blocks.Add(new PackTable(headers, since is null ? [0.36, 0.17, 0.17, 0.30] : [0.27, 0.15, 0.15, 0.2, 0.23], rows));
        if (since is not null)
        {
            blocks.Add(new PackParagraph(TextCatalogue.Fill(p.SinceHeading, ("size", f.Number(since.Size, 0)), ("date", f.Date(since.Date))), PackStyle.Muted));
        }

        blocks.Add(new PackHeading(p.NextHeading, 2));
        blocks.Add(new PackTable(
            [],
            [0.3, 0.7],
            [.. input.Scorecard.Commitments.Select(c => (IReadOnlyList<PackCell>)[new PackCell(c.Text) { Strong = true }, t.Needs(c.Needs, AxisSentence.NamesIn(c))])]));
    }

    /// <summary>
    /// What changed in a commitment since the earlier checkpoint, in a phrase, from the comparison <c>outcomes diff</c>
    /// makes: its rating and finding, then the values, confirmations, statements and disputes logged for it.
    /// </summary>
    internal static string Changes(ScorecardCommitment now, PackSince since, TextCatalogue t)
    {
        var p = t.Pack;
        var phrases = new List<string>();
        if (since.Diff.Ratings.FirstOrDefault(r => r.Commitment == now.Id) is { } rated)
        {
            if (rated.From is not { } from)
            {
                return p.ChangeNew;
            }

            if (from != rated.To)
            {
                phrases.Add(TextCatalogue.Fill(p.ChangeRating, ("from", t.RatingName(from)), ("to", t.RatingName(rated.To))));
            }

            var findingThen = rated.FindingFrom ?? from;
            var findingNow = rated.FindingTo ?? rated.To;
            if (findingThen != findingNow)
            {
                phrases.Add(TextCatalogue.Fill(p.ChangeFinding, ("from", t.RatingName(findingThen)), ("to", t.RatingName(findingNow))));
            }
        }

        var mine = since.Diff.Changes.Where(c => c.Commitments.Contains(now.Id)).ToList();
        int Count(params DiffChangeKind[] kinds) => mine.Count(c => kinds.Contains(c.Kind));
        (int Count, Plural Words)[] counted =
        [
            (Count(DiffChangeKind.ValueAdded, DiffChangeKind.ValueCorrected), p.ChangeValues),
            (Count(DiffChangeKind.ValueConfirmed), p.ChangeConfirmed),
            (Count(DiffChangeKind.Statement), p.ChangeStatements),
            (Count(DiffChangeKind.DisputeOpened), p.ChangeDisputesOpened),
            (Count(DiffChangeKind.DisputeResolved, DiffChangeKind.DisputeWithdrawn), p.ChangeDisputesClosed),
        ];
        phrases.AddRange(counted.Where(x => x.Count > 0).Select(x => x.Words.Of(x.Count)));
        return phrases.Count == 0 ? p.ChangeNone : string.Join("; ", phrases);
    }

    static void Commitment(List<PackBlock> blocks, ScorecardCommitment c, ChartWindow window, TextCatalogue t)
    {
        var f = t.Format;
        blocks.Add(new PackPageBreak());
        blocks.Add(new PackHeading(c.Text, 1));
        blocks.Add(new PackTable([], [0.22, 0.78],
        [
            [t.Rating, new PackCell(t.RatingName(c.Rating)) { Badge = c.Rating }],
            [t.DataSays, new PackCell(t.RatingName(c.Finding ?? c.Rating)) { Badge = c.Finding ?? c.Rating }],
            [t.ConfirmedAxis, c.Confirmation is { } confirmation ? t.Confirmation(confirmation) : "—"],
            [t.StillNeeds, t.Needs(c.Needs, AxisSentence.NamesIn(c))],
            [t.Reason, t.Sentence(c.Reason)],
            [t.MadeOn, $"{f.Date(c.MadeOn)} · {t.Due}: {(c.DueDate is { } due ? f.Date(due) : t.NoDueDate)} · {t.Responsible}: {string.Join(", ", c.ResponsibleParties)}"],
            [t.Terms, t.TermsSummary(c.Terms)],
        ]));

        if (c.Statements.Count > 0)
        {
            blocks.Add(new PackHeading(t.Statements, 2));
            for (var i = 0; i < c.Statements.Count; i++)
            {
                var s = c.Statements[i];
                var who = new List<string> { t.StatementKindName(s.StatementKind) };
                if (s.Speaker is not null)
                {
                    who.Add(s.Speaker);
                }

                who.Add(string.Join(", ", s.Parties));
                blocks.Add(new PackParagraph($"{i + 1}. {f.Date(s.Date)} — {s.Title} ({string.Join("; ", who)})"));
                foreach (var q in s.Quotes)
                {
                    blocks.Add(new PackParagraph("“" + q.Text + "”", PackStyle.Quote));
                }
            }
        }

        var axis = TimeAxis.For(c, window);
        // The assessment window is said in each series' key figures; the full history, asked for, is said once here.
        if (window == ChartWindow.Full && TimeAxis.Sentence(c, window, t) is { } shown)
        {
            blocks.Add(new PackParagraph(shown, PackStyle.Muted));
        }

        foreach (var indicator in c.Indicators)
        {
            Indicator(blocks, c, indicator, axis, t);
        }
    }

    static void Indicator(List<PackBlock> blocks, ScorecardCommitment c, ScorecardIndicator i, TimeAxis axis, TextCatalogue t)
    {
        var p = t.Pack;
        var f = t.Format;
        blocks.Add(new PackHeading(i.Name, 2));
        // A commitment measured by one indicator has its rating and reason: they are said once, above.
        var reason = t.Sentence(i.Reason);
        if (c.Indicators.Count > 1 || i.Rating != c.Rating || reason != t.Sentence(c.Reason))
        {
            blocks.Add(new PackTable([], [0.22, 0.78],
            [
                [t.Rating, new PackCell(t.RatingName(i.Rating)) { Badge = i.Rating }],
                [t.Reason, reason],
            ]));
        }

        // The headline series (the total) when there is one, else each series (the ones that matter, when there are more
        // than a reader can use): the pack shows what the rating is made of.
        var shown = i.Series.Where(s => s.Dimensions.Count == 0).ToList() is { Count: > 0 } headline ? headline : SeriesSelection.Charted(i);
        foreach (var series in shown)
        {
            if (series.Dimensions.Count > 0)
            {
                blocks.Add(new PackHeading(string.Join(", ", series.Dimensions.Select(d => d.Key + ": " + d.Value)), 3));
            }

            var svg = new StringBuilder();
            ScorecardChart.Write(svg, i, series, c, axis, t);
            var legend = new StringBuilder();
            ScorecardChart.WriteLegend(legend, series, i, t);
            blocks.Add(new PackChart(InlineSvg.Apply(svg.ToString(), ScorecardChart.Css, FontFamily), Legend(legend.ToString())));

            var facts = new List<IReadOnlyList<PackCell>>();
            if (series.Dimensions.Count == 0 && i.Baseline is { Value: { } baseline } b)
            {
                facts.Add([t.Baseline, $"{f.Value(baseline)} {i.Unit} ({f.Period(b.From)} – {f.Period(b.To)})"]);
            }

            if (series.Points.Count > 0)
            {
                var latest = series.Points[^1];
                facts.Add([TextCatalogue.Fill(p.LatestValue, ("period", f.Period(latest.Period))), $"{f.Figure(latest.Stands)} {i.Unit} — {t.StatusName(latest.Status)}"]);
            }

            if (series.Statistics.ObservedChange is { } observed)
            {
                facts.Add([t.ObservedChangeLabel, TextCatalogue.Fill(
                    p.ObservedChangeFigure,
                    ("value", f.SignedPercent(observed.Percent)),
                    ("lower", f.SignedPercent(observed.PercentLower)),
                    ("upper", f.SignedPercent(observed.PercentUpper)),
                    ("from", f.Period(observed.From)),
                    ("to", f.Period(observed.To)))]);
            }
            else if (series.Statistics.ObservedChangeInsufficient is { } shortfall)
            {
                facts.Add([t.ObservedChangeLabel, t.Sentence(shortfall)]);
            }

            if (series.Dimensions.Count == 0)
            {
                foreach (var target in i.Targets.Where(x => x.TargetValue is not null))
                {
                    var value = TextCatalogue.Fill(p.TargetFigure, ("value", f.Value(target.TargetValue!.Value) + " " + i.Unit), ("date", f.Date(target.By)));
                    facts.Add([t.Target, target.Basis == TargetBasis.Illustrative ? value + " (" + t.IllustrativeShort + ")" : value]);
                }
            }

            if (series.Confirmation is { } confirmation && confirmation != c.Confirmation)
            {
                facts.Add([t.ConfirmedAxis, t.Confirmation(confirmation)]);
            }

            if (series.Window is { } window)
            {
                facts.Add([t.AssessmentWindow, t.Window(window)]);
            }

            var disputes = Disputes(series, i, t);
            if (disputes.Count == 0)
            {
                facts.Add([t.Disputes, p.NoOpenDispute]);
            }

            blocks.Add(new PackHeading(p.KeyFigures, 3));
            blocks.Add(new PackTable([], [0.3, 0.7], facts));
            if (disputes.Count > 0)
            {
                blocks.Add(new PackHeading(t.Disputes, 3));
                blocks.Add(new PackTable([t.Period, t.Reported, t.DisputedFigure, p.DisputedBy, t.Reason], [0.14, 0.17, 0.17, 0.14, 0.38], disputes));
            }
        }

        if (SeriesSelection.Overflows(i))
        {
            AllSeries(blocks, i, shown.Count, t);
        }
    }

    // Every series of an indicator with more than are charted, one row each: its latest value, rating and status.
    static void AllSeries(List<PackBlock> blocks, ScorecardIndicator i, int shown, TextCatalogue t)
    {
        var (heading, explained) = SeriesSelection.OverviewHeading(i, shown, t);
        blocks.Add(new PackHeading(heading, 3));
        blocks.Add(new PackParagraph(explained, PackStyle.Muted));
        List<IReadOnlyList<PackCell>> rows =
        [
            .. SeriesSelection.Overview(i, t).Select(row => (IReadOnlyList<PackCell>)[row.Name, row.Period, row.Value, new PackCell(t.RatingName(row.Rating)) { Badge = row.Rating }, row.Status]),
        ];
        blocks.Add(new PackTable([t.SeriesColumn, t.LatestPeriod, t.LatestValue, t.Rating, t.Status], [0.3, 0.15, 0.2, 0.18, 0.17], rows));
    }

    // Each open dispute on the series: the period, the figure reported and the disputer's, who disputes and why.
    static List<IReadOnlyList<PackCell>> Disputes(ScorecardSeries series, ScorecardIndicator i, TextCatalogue t)
    {
        var f = t.Format;
        var rows = new List<IReadOnlyList<PackCell>>();
        foreach (var point in series.Points)
        {
            foreach (var dispute in point.OpenDisputes ?? [])
            {
                rows.Add(
                [
                    f.Period(point.Period),
                    $"{f.Figure(point.Reported)} {i.Unit}",
                    dispute.Figure is { } figure ? $"{f.Figure(figure)} {i.Unit}" : "—",
                    dispute.Party,
                    dispute.Reason ?? "",
                ]);
            }
        }

        return rows;
    }

    static void Annex(List<PackBlock> blocks, PackInput input, TextCatalogue t)
    {
        var p = t.Pack;
        var f = t.Format;
        var checkpoint = input.Scorecard.Checkpoint;
        var json = ScorecardJson.Serialize(input.Scorecard);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(json));
        blocks.Add(new PackPageBreak());
        blocks.Add(new PackHeading(p.AnnexHeading, 1));
        blocks.Add(new PackParagraph(p.AnnexIntro));
        blocks.Add(new PackParagraph(p.RoundedNote, PackStyle.Muted));
        var logTime = LogTimeOf(checkpoint.SignedNote);
        blocks.Add(new PackTable([], [0.3, 0.7],
        [
            [t.Origin, new PackCell(checkpoint.Origin) { Code = true }],
            [t.TreeSize, f.Number(checkpoint.Size, 0)],
            [t.RootHash, new PackCell(checkpoint.RootHash) { Code = true }],
            [p.LogTime, logTime is { } time ? Utc(time) : "—"],
            [t.AsOf, f.Date(input.Scorecard.AsOf)],
            [p.LogKey, new PackCell(input.LogVerifierKey) { Code = true }],
            [p.ScorecardSha256, new PackCell(sha256) { Code = true }],
        ]));

        blocks.Add(new PackHeading(t.Cosignatures, 2));
        // A scorecard read from elsewhere may carry a note that does not parse: it then shows no signatures, as its text says.
        var signatures = SignedNote.TryParse(Encoding.UTF8.GetBytes(checkpoint.SignedNote), out var note, out _) ? note.Signatures : [];
        var witnesses = signatures.Where(s => s.KeyName != checkpoint.Origin).ToList();
        var rows = new List<IReadOnlyList<PackCell>>();
        foreach (var s in signatures.Where(s => s.KeyName == checkpoint.Origin))
        {
            rows.Add([new PackCell(s.KeyName + " (" + p.LogSignature + ")") { Code = true }, new PackCell(KeyId(s)) { Code = true }, logTime is { } signedAt ? Utc(signedAt) : "—"]);
        }

        foreach (var s in witnesses)
        {
            rows.Add([new PackCell(s.KeyName) { Code = true }, new PackCell(KeyId(s)) { Code = true }, CosignedAt(s)]);
        }

        blocks.Add(new PackTable([t.Witness, t.KeyId, t.CosignedAt], [0.56, 0.16, 0.28], rows));
        if (witnesses.Count == 0)
        {
            blocks.Add(new PackParagraph(t.NoCosignatures, PackStyle.Muted));
        }

        blocks.Add(new PackHeading(t.SignedNote, 2));
        blocks.Add(new PackParagraph(checkpoint.SignedNote.TrimEnd('\n'), PackStyle.Code));

        blocks.Add(new PackHeading(p.CommandsHeading, 2));
        blocks.Add(new PackParagraph(TextCatalogue.Fill(p.CommandsIntro, ("option", "--ledger")), PackStyle.Muted));
        var at = checkpoint.Size.ToString(CultureInfo.InvariantCulture);
        var key = input.LogVerifierKey;
        (string Why, string Command)[] commands =
        [
            (p.CommandScorecard, $"outcomes scorecard --format json --agreement {input.Scorecard.Agreement.Id} --at {at} --out scorecard.json && sha256sum scorecard.json"),
            (p.CommandVerify, "outcomes verify scorecard.json"),
            (p.CommandTiles, $"outcomes log verify-tiles tiles --key \"{key}\""),
            (p.CommandLog, "outcomes log verify"),
        ];
        foreach (var (why, command) in commands)
        {
            blocks.Add(new PackParagraph(why));
            blocks.Add(new PackParagraph(command, PackStyle.Code));
        }
    }

    const string FontFamily = "sans-serif";

    // The key of a chart as drawn beside it: each item's symbol (its SVG, styles inline) and its words.
    static List<PackLegendItem> Legend(string html)
    {
        var list = XElement.Parse(html);
        var items = new List<PackLegendItem>();
        foreach (var item in list.Elements("li"))
        {
            if (item.Element("svg") is not { } symbol)
            {
                continue;
            }

            var label = string.Concat(item.Nodes().Where(n => n != symbol).Select(n => n is XElement e ? e.Value : n is XText x ? x.Value : ""));
            items.Add(new PackLegendItem(InlineSvg.Apply(symbol.ToString(SaveOptions.DisableFormatting), ScorecardChart.Css, FontFamily), label.Trim()));
        }

        return items;
    }

    // The checkpoint's log time; none for a checkpoint without one, or a note that is not a checkpoint.
    static DateTimeOffset? LogTimeOf(string signedNote)
    {
        try
        {
            return LogTime.Of(signedNote);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    static string KeyId(NoteSignature signature) => signature.KeyId.ToString("x8", CultureInfo.InvariantCulture);

    // c2sp.org/tlog-cosignature: the signature is an 8-byte big-endian timestamp, then the Ed25519 signature.
    static string CosignedAt(NoteSignature signature) =>
        signature.Signature.Length == 72
            ? Utc(DateTimeOffset.FromUnixTimeSeconds((long)Math.Min(BinaryPrimitives.ReadUInt64BigEndian(signature.Signature), 253402300799)))
            : "—";

    static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
