using System.Text;
using OutcomeLedger.Core.Evaluation;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Text;
using static OutcomeLedger.Api.Features.Dashboard.DashboardPage;

namespace OutcomeLedger.Api.Features.Dashboard;

/// <summary>
/// <c>/indicators/{id}</c>: an indicator's measurements, every one ever logged (corrections beside what they
/// superseded), with their verification status, source, attestations and evidence downloads.
/// </summary>
internal static class IndicatorPage
{
    sealed record Row(ulong Index, MeasurementRecord Record, ulong? SupersededBy, MeasurementVerification Verification, IReadOnlyList<Logged<AttestationRecord>> Attestations);

    public static async Task<IResult> GetAsync(string id, HttpContext context, ServedLedger ledger, CancellationToken cancellationToken)
    {
        var request = DashboardRequest.Create(context, DashboardSection.Agreements);
        var text = request.Text;
        var indicatorId = new IndicatorId(id);
        var read = await ledger.ReadAsync(state =>
        {
            if (!state.Indicators.TryGetValue(indicatorId, out var indicator))
            {
                return null;
            }

            var rows = state.Measurements.Values.Where(m => m.Record.Indicator == indicatorId)
                .OrderBy(m => m.Record.Period.Start).ThenBy(m => string.Join(',', m.Record.Dimensions.OrderBy(d => d.Key, StringComparer.Ordinal)), StringComparer.Ordinal).ThenBy(m => m.Index)
                .Select(m => new Row(m.Index, m.Record, m.SupersededBy, MeasurementVerification.Of(m), [.. m.Attestations]))
                .ToList();
            return new { Indicator = indicator, Rows = rows };
        }, cancellationToken);
        if (read is null)
        {
            return DashboardResults.Message(request, text.NotFound, TextCatalogue.Fill(text.IndicatorNotFound, ("id", Parties.PartyEndpoints.Clip(id))), StatusCodes.Status404NotFound);
        }

        var t = text;
        var f = t.Format;
        var record = read.Indicator.Record;
        var body = new StringBuilder();
        var found = await CommitmentPage.FindAsync(ledger, record.Commitment, cancellationToken);
        var scored = found?.Commitment.Indicators.FirstOrDefault(i => i.Id == id);
        if (scored is not null)
        {
            body.Append("<p>").Append(Badge(scored.Rating, text)).Append(' ').Append(Encode(text.Sentence(scored.Reason))).Append("</p>");
        }

        body.Append("<dl class=\"facts\">");
        if (found is { } f2)
        {
            body.Append("<dt>").Append(Encode(text.Commitment)).Append("</dt><dd><a href=\"").Append(Href("/commitments/" + Uri.EscapeDataString(f2.Commitment.Id))).Append("\">")
                .Append(Encode(f2.Commitment.Text)).Append("</a></dd>");
        }

        body.Append("<dt>").Append(Encode(t.Unit)).Append("</dt><dd>").Append(Encode(record.Unit)).Append("</dd>")
            .Append("<dt>").Append(Encode(text.Reporter)).Append("</dt><dd>").Append(Encode(record.Reporter.Value)).Append("</dd>")
            .Append("<dt>").Append(Encode(t.DataSource)).Append("</dt><dd>").Append(Encode(record.DataSource)).Append("</dd>");
        if (record.VerificationProtocol is not null)
        {
            body.Append("<dt>").Append(Encode(t.Verification)).Append("</dt><dd>").Append(Encode(record.VerificationProtocol)).Append("</dd>");
        }

        body.Append("<dt>").Append(Encode(text.LoggedAt)).Append("</dt><dd>").Append(EntryLink(read.Indicator.Index, text)).Append("</dd></dl>");

        if (scored is not null && found is { } f3)
        {
            var axis = TimeAxis.For(f3.Commitment);
            foreach (var series in scored.Series)
            {
                CommitmentPage.Series(body, f3.Commitment, scored, series, axis, request);
            }
        }

        body.Append("<h2 id=\"measurements\">").Append(Encode(text.Measurements)).Append("</h2>");
        if (read.Rows.Count == 0)
        {
            body.Append("<p>").Append(Encode(text.Empty)).Append("</p>");
        }
        else
        {
            body.Append("<div class=\"scroll\"><table><caption>").Append(Encode(TextCatalogue.Fill(text.MeasurementsCaption, ("count", read.Rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))))).Append("</caption><thead><tr>")
                .Append("<th scope=\"col\">").Append(Encode(t.Period)).Append("</th><th scope=\"col\">").Append(Encode(text.Value)).Append("</th><th scope=\"col\">")
                .Append(Encode(t.Status)).Append("</th><th scope=\"col\">").Append(Encode(t.Source)).Append("</th><th scope=\"col\">").Append(Encode(text.Evidence))
                .Append("</th><th scope=\"col\">").Append(Encode(text.EntryHeading)).Append("</th></tr></thead><tbody>");
            var deposited = await DepositedAsync(ledger, read.Rows, cancellationToken);
            foreach (var row in read.Rows)
            {
                Measurement(body, row, record, deposited, request);
            }

            body.Append("</tbody></table></div>");
        }

        return DashboardResults.Page(request, record.Name, body.ToString());
    }

    static void Measurement(StringBuilder body, Row row, IndicatorRecord indicator, IReadOnlySet<string> deposited, DashboardRequest request)
    {
        var text = request.Text;
        var t = text;
        var f = t.Format;
        var m = row.Record;
        body.Append("<tr><td>").Append(Encode(f.Period(m.Period.ToString())));
        foreach (var (key, value) in m.Dimensions.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            body.Append("<br><span class=\"small\">").Append(Encode(key + ": " + value)).Append("</span>");
        }

        body.Append("</td><td class=\"num\">").Append(Encode(f.Exact(m.Value))).Append(' ').Append(Encode(indicator.Unit));
        if (m.Provisional)
        {
            body.Append("<br><span class=\"small\">").Append(Encode(t.Provisional)).Append("</span>");
        }

        body.Append("</td><td>").Append(Encode(t.StatusName(row.Verification.Status)));
        if (row.SupersededBy is { } by)
        {
            body.Append("<br><span class=\"small\">").Append(Encode(text.SupersededBy)).Append(' ').Append(EntryLink(by, text)).Append("</span>");
        }

        foreach (var a in row.Attestations)
        {
            body.Append("<br><span class=\"small\">").Append(Encode(t.VerdictName(a.Record.Verdict))).Append(" (").Append(Encode(a.Record.Author.Value)).Append(')');
            if (a.Record.Figure is { } figure)
            {
                body.Append(": <strong>").Append(Encode(f.Exact(figure))).Append("</strong>");
            }

            if (a.Record.Reason is not null)
            {
                body.Append(" — ").Append(Encode(a.Record.Reason));
            }

            body.Append(' ').Append(EntryLink(a.Index, text));
            foreach (var sha in a.Record.Evidence)
            {
                body.Append(' ').Append(EvidenceLink(sha, deposited, text));
            }

            body.Append("</span>");
        }

        body.Append("</td><td>").Append(Encode(m.Source.Dataset));
        if (m.Source.Url is not null)
        {
            body.Append(" · ").Append(CommitmentPage.ExternalLink(m.Source.Url, text.Link));
        }

        if (m.Source.FileName is not null)
        {
            body.Append("<br><span class=\"small\">").Append(Encode(m.Source.FileName)).Append(m.Source.Line is { } line ? Encode(TextCatalogue.Fill(text.AtLine, ("line", line.ToString(System.Globalization.CultureInfo.InvariantCulture)))) : "").Append("</span>");
        }

        body.Append("</td><td>");
        var evidence = m.Evidence.AsEnumerable();
        if (m.Source.FileSha256 is { } file && !m.Evidence.Contains(file))
        {
            evidence = evidence.Append(file);
        }

        var any = false;
        foreach (var sha in evidence)
        {
            body.Append(any ? "<br>" : "").Append(EvidenceLink(sha, deposited, text));
            any = true;
        }

        body.Append(any ? "" : "—").Append("</td><td>").Append(EntryLink(row.Index, text));
        if (request.Session is { } session && session.Party != m.Author && row.SupersededBy is null)
        {
            // The counterparty or a verifier, signed in: one click to the attestation form for this value.
            body.Append("<br><a class=\"noprint\" href=\"/submit?measurement=").Append(row.Index).Append("#attestation-form\">").Append(Encode(text.Attest)).Append("</a>");
        }

        body.Append("</td></tr>");
    }

    /// <summary>Which of the files the rows cite the evidence store holds (asked once per file: the store may be a database).</summary>
    static async Task<IReadOnlySet<string>> DepositedAsync(ServedLedger ledger, IReadOnlyList<Row> rows, CancellationToken cancellationToken)
    {
        var cited = rows.SelectMany(r => r.Record.Evidence
                .Concat(r.Record.Source.FileSha256 is { } file ? [file] : [])
                .Concat(r.Attestations.SelectMany(a => a.Record.Evidence)))
            .ToHashSet(StringComparer.Ordinal);
        var deposited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sha in cited)
        {
            if (await ledger.Folder.Blobs.ContainsAsync(sha, cancellationToken))
            {
                deposited.Add(sha);
            }
        }

        return deposited;
    }

    /// <summary>A download link when the blob store holds the file, else its hash alone (the file was not deposited here).</summary>
    static string EvidenceLink(string sha256, IReadOnlySet<string> deposited, TextCatalogue text) =>
        deposited.Contains(sha256)
            ? $"<a href=\"/evidence/{Encode(sha256)}\" download title=\"SHA-256 {Encode(sha256)}\"><span class=\"hash\">{Encode(sha256[..12])}…</span></a>"
            : $"<span class=\"hash\" title=\"{Encode(text.NotDeposited)}\">{Encode(sha256.Length > 12 ? sha256[..12] + "…" : sha256)}</span>";
}
