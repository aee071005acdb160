using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using OutcomeLedger.Api.Access;
using OutcomeLedger.Api.Submissions;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Sequencing;
using OutcomeLedger.Core.Text;
using static OutcomeLedger.Api.Features.Dashboard.DashboardPage;

namespace OutcomeLedger.Api.Features.Dashboard;

/// <summary>
/// <c>/submit</c>: sign in with the party's API token, then submit a statement, a measurement or an attestation. The
/// server builds the record with the signed-in party as its author, signs it with the key that party delegated to it,
/// and submits it exactly as <c>POST /api/entries</c> would: the same <see cref="WriteAccess"/> check, then the ledger's
/// own rules. A refusal is shown on the page as it was given.
/// </summary>
internal static class SubmitPage
{
    static readonly string[] Kinds = ["statement", "measurement", "attestation"];

    public static async Task<IResult> GetAsync(HttpContext context, ServedLedger ledger, ulong? measurement, CancellationToken cancellationToken)
    {
        var request = DashboardRequest.Create(context, DashboardSection.Submit, forms: true);
        return await RenderAsync(request, ledger, null, null, null, StatusCodes.Status200OK, measurement, cancellationToken);
    }

    public static async Task<IResult> SignInAsync(HttpContext context, ServedLedger ledger, IAntiforgery antiforgery, DashboardSession session, CancellationToken cancellationToken)
    {
        if (await RefuseForgeryAsync(context, antiforgery) is { } forged)
        {
            return forged;
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        var token = session.SignIn(context, form["token"].ToString(), out var failure);
        if (token is null)
        {
            var request = DashboardRequest.Create(context, DashboardSection.Submit, forms: true);
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return await RenderAsync(request, ledger, null, request.Text.SignInFailed + " " + failure, false, StatusCodes.Status401Unauthorized, null, cancellationToken);
        }

        return SeeOther("/submit");
    }

    public static async Task<IResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (await RefuseForgeryAsync(context, antiforgery) is { } forged)
        {
            return forged;
        }

        DashboardSession.SignOut(context);
        return SeeOther("/");
    }

    public static async Task<IResult> PostAsync(string kind, HttpContext context, ServedLedger ledger, IEntrySubmitter submitter, DelegatedKeys keys, IAntiforgery antiforgery, LedgerServerOptions options, CancellationToken cancellationToken)
    {
        if (await RefuseForgeryAsync(context, antiforgery) is { } forged)
        {
            return forged;
        }

        var request = DashboardRequest.Create(context, DashboardSection.Submit, forms: true);
        var text = request.Text;
        if (!Kinds.Contains(kind))
        {
            return DashboardResults.Message(request, text.NotFound, text.NotFound, StatusCodes.Status404NotFound);
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        if (request.Session is not { } token)
        {
            return await RenderAsync(request, ledger, null, text.SignInFirst, false, StatusCodes.Status401Unauthorized, null, cancellationToken);
        }

        var fields = new SubmissionForm(form, text);
        var record = Build(kind, fields, token.Party, options.Time.GetUtcNow());
        if (fields.Errors.Count > 0)
        {
            return await RenderAsync(request, ledger, (kind, form), string.Join(" ", fields.Errors), false, StatusCodes.Status422UnprocessableEntity, null, cancellationToken);
        }

        if (!keys.TrySign(record, out var leaf))
        {
            return await RenderAsync(request, ledger, (kind, form), TextCatalogue.Fill(text.NoDelegatedKey, ("party", token.Party.Value)), false, StatusCodes.Status403Forbidden, null, cancellationToken);
        }

        var forbidden = WriteAccess.Authorize(token, leaf, await ledger.PartiesAsync(cancellationToken), kind);
        if (forbidden is not null && ledger.IsShared && await ledger.CatchUpAsync(cancellationToken))
        {
            // Another server may just have logged the party or key this entry needs.
            forbidden = WriteAccess.Authorize(token, leaf, await ledger.PartiesAsync(cancellationToken), kind);
        }

        if (forbidden is not null)
        {
            var status = forbidden.StatusCode;
            return await RenderAsync(request, ledger, (kind, form), text.Refused + " " + forbidden.ProblemDetails.Detail, false, status, null, cancellationToken);
        }

        var result = await submitter.SubmitAsync(leaf, cancellationToken);
        if (result is null)
        {
            return await RenderAsync(request, ledger, (kind, form), text.ShuttingDown, false, StatusCodes.Status503ServiceUnavailable, null, cancellationToken);
        }

        if (!result.IsLogged)
        {
            return await RenderAsync(request, ledger, (kind, form), text.Refused + " " + string.Join("; ", result.Errors), false, StatusCodes.Status422UnprocessableEntity, null, cancellationToken);
        }

        var index = result.Index!.Value;
        var done = TextCatalogue.Fill(result.Status == SubmitStatus.Duplicate ? text.AlreadyLogged : text.Logged, ("index", index.ToString(CultureInfo.InvariantCulture)), ("size", (result.CheckpointSize ?? index + 1).ToString(CultureInfo.InvariantCulture)));
        return await RenderAsync(request, ledger, null, done, true, StatusCodes.Status200OK, null, cancellationToken, index);
    }

    static LedgerRecord Build(string kind, SubmissionForm form, PartyId party, DateTimeOffset now) => kind switch
    {
        "statement" => new StatementRecord
        {
            Author = party,
            RecordedAt = now,
            Id = new StatementId(form.Required("id")),
            Date = form.Date("date"),
            Title = form.Required("title"),
            Speaker = form.Optional("speaker"),
            Parties = [party],
            StatementKind = form.Choice<StatementKind>("statementKind"),
            SourceUrl = form.Required("sourceUrl"),
            Quotes = form.Optional("quote") is { } quote ? [new Quote(quote, form.Optional("quoteLang") ?? "en")] : [],
        },
        "measurement" => new MeasurementRecord
        {
            Author = party,
            RecordedAt = now,
            Indicator = new IndicatorId(form.Required("indicator")),
            Period = form.Period("period"),
            Dimensions = form.Dimensions("dimensions"),
            Value = form.Decimal("value", required: true) ?? 0,
            Source = new MeasurementSource(form.Required("dataset"), form.Optional("sourceUrl")),
            Note = form.Optional("note"),
            Provisional = form.Checked("provisional"),
            Supersedes = form.Index("supersedes", required: false),
        },
        _ => new AttestationRecord
        {
            Author = party,
            RecordedAt = now,
            Measurement = form.Index("measurement", required: true) ?? 0,
            Verdict = form.Choice<Verdict>("verdict"),
            Figure = form.Decimal("figure", required: false),
            Reason = form.Optional("reason"),
        },
    };

    static async Task<IResult?> RefuseForgeryAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (await antiforgery.IsRequestValidAsync(context))
        {
            return null;
        }

        var request = DashboardRequest.Create(context, DashboardSection.Submit, forms: true);
        return DashboardResults.Message(request, request.Text.Submit, request.Text.FormExpired, StatusCodes.Status400BadRequest);
    }

    static SeeOtherResult SeeOther(string location) => new(location);

    static async Task<IResult> RenderAsync(DashboardRequest request, ServedLedger ledger, (string Kind, IFormCollection Form)? posted, string? message, bool? ok, int status, ulong? measurement, CancellationToken cancellationToken, ulong? logged = null)
    {
        var text = request.Text;
        var body = new StringBuilder();
        if (message is not null)
        {
            body.Append("<p id=\"submit-result\" class=\"message ").Append(ok == true ? "ok" : "fail").Append("\" role=\"").Append(ok == true ? "status" : "alert").Append("\">")
                .Append(Encode(message));
            if (logged is { } index)
            {
                body.Append(" <a href=\"/log?entry=").Append(index.ToString(CultureInfo.InvariantCulture)).Append("#verify\">").Append(Encode(text.CheckEntry)).Append("</a>");
            }

            body.Append("</p>");
        }

        if (request.Session is not { } session)
        {
            body.Append("<p>").Append(Encode(text.SignInExplain)).Append("</p><form class=\"panel\" method=\"post\" action=\"/sign-in\">").Append(request.AntiforgeryField)
                .Append("<label for=\"token\">").Append(Encode(text.Token)).Append("</label><input id=\"token\" name=\"token\" type=\"password\" autocomplete=\"off\" required maxlength=\"256\">")
                .Append("<button type=\"submit\">").Append(Encode(text.SignIn)).Append("</button></form>");
            return DashboardResults.Page(request, text.Submit, body.ToString(), status: status);
        }

        var indicators = await ledger.ReadAsync(state => state.Indicators.Values
            .Where(i => i.Record.Reporter == session.Party)
            .OrderBy(i => i.Record.Name, StringComparer.Ordinal)
            .Select(i => (Id: i.Record.Id.Value, i.Record.Name, i.Record.Unit, i.Record.PeriodType))
            .ToList(), cancellationToken);
        var t = text;
        body.Append("<p>").Append(Encode(TextCatalogue.Fill(text.SubmitExplain, ("party", session.Party.Value), ("role", RoleName(session.Role, text))))).Append("</p>");
        string? Value(string kind, string name) => posted is { } p && p.Kind == kind ? p.Form[name].ToString() : null;

        var allowed = WriteAccess.KindsFor(session.Role);
        if (allowed.Contains("measurement"))
        {
            body.Append("<form class=\"panel\" method=\"post\" action=\"/submit/measurement\" id=\"measurement-form\">").Append(request.AntiforgeryField)
                .Append("<fieldset><legend>").Append(Encode(text.NewMeasurement)).Append("</legend>");
            if (indicators.Count == 0)
            {
                body.Append("<p>").Append(Encode(text.NoIndicators)).Append("</p>");
            }

            body.Append("<label for=\"measurement-indicator\">").Append(Encode(text.Indicator)).Append("</label><select id=\"measurement-indicator\" name=\"indicator\" required>");
            foreach (var (id, name, unit, periodType) in indicators)
            {
                body.Append("<option value=\"").Append(Encode(id)).Append('"').Append(Value("measurement", "indicator") == id ? " selected" : "").Append('>')
                    .Append(Encode($"{name} ({unit})")).Append("</option>");
            }

            body.Append("</select>");
            Input(body, "measurement", "period", text.Period, text.PeriodHint, "text", true, Value("measurement", "period"));
            Input(body, "measurement", "value", text.Value, text.ValueHint, "text", true, Value("measurement", "value"), "inputmode=\"decimal\"");
            Input(body, "measurement", "dimensions", text.Dimensions, text.DimensionsHint, "text", false, Value("measurement", "dimensions"));
            Input(body, "measurement", "dataset", text.Dataset, null, "text", true, Value("measurement", "dataset"));
            Input(body, "measurement", "sourceUrl", text.SourceUrl, null, "url", false, Value("measurement", "sourceUrl"));
            Input(body, "measurement", "note", text.Note, null, "text", false, Value("measurement", "note"));
            Input(body, "measurement", "supersedes", text.Supersedes, text.SupersedesHint, "number", false, Value("measurement", "supersedes"), "min=\"0\"");
            body.Append("<label class=\"check\" for=\"measurement-provisional\"><input type=\"checkbox\" id=\"measurement-provisional\" name=\"provisional\"")
                .Append(Value("measurement", "provisional") is "on" ? " checked" : "").Append('>').Append(Encode(t.Provisional)).Append("</label>")
                .Append("<button type=\"submit\">").Append(Encode(text.SubmitMeasurement)).Append("</button></fieldset></form>");
        }

        if (allowed.Contains("attestation"))
        {
            body.Append("<form class=\"panel\" method=\"post\" action=\"/submit/attestation\" id=\"attestation-form\">").Append(request.AntiforgeryField)
                .Append("<fieldset><legend>").Append(Encode(text.NewAttestation)).Append("</legend>");
            Input(body, "attestation", "measurement", text.MeasurementEntry, text.MeasurementEntryHint, "number", true,
                Value("attestation", "measurement") ?? measurement?.ToString(CultureInfo.InvariantCulture), "min=\"0\"");
            body.Append("<label for=\"attestation-verdict\">").Append(Encode(text.Verdict)).Append("</label><select id=\"attestation-verdict\" name=\"verdict\" required>");
            foreach (var verdict in Enum.GetValues<Verdict>())
            {
                body.Append("<option value=\"").Append(verdict).Append('"').Append(Value("attestation", "verdict") == verdict.ToString() ? " selected" : "").Append('>')
                    .Append(Encode(t.VerdictName(verdict))).Append("</option>");
            }

            body.Append("</select>");
            Input(body, "attestation", "figure", text.Figure, text.FigureHint, "text", false, Value("attestation", "figure"), "inputmode=\"decimal\"");
            Input(body, "attestation", "reason", text.Reason, null, "text", false, Value("attestation", "reason"));
            body.Append("<button type=\"submit\">").Append(Encode(text.SubmitAttestation)).Append("</button></fieldset></form>");
        }

        if (allowed.Contains("statement"))
        {
            body.Append("<form class=\"panel\" method=\"post\" action=\"/submit/statement\" id=\"statement-form\">").Append(request.AntiforgeryField)
                .Append("<fieldset><legend>").Append(Encode(text.NewStatement)).Append("</legend>");
            Input(body, "statement", "id", text.StatementId, text.StatementIdHint, "text", true, Value("statement", "id"), "pattern=\"[a-z0-9][a-z0-9.\\-]*\"");
            Input(body, "statement", "date", text.Date, null, "date", true, Value("statement", "date"));
            Input(body, "statement", "title", text.Title, null, "text", true, Value("statement", "title"));
            Input(body, "statement", "speaker", text.Speaker, null, "text", false, Value("statement", "speaker"));
            body.Append("<label for=\"statement-statementKind\">").Append(Encode(text.Kind)).Append("</label><select id=\"statement-statementKind\" name=\"statementKind\" required>");
            foreach (var statementKind in Enum.GetValues<StatementKind>())
            {
                body.Append("<option value=\"").Append(statementKind).Append('"').Append(Value("statement", "statementKind") == statementKind.ToString() ? " selected" : "").Append('>')
                    .Append(Encode(t.StatementKindName(statementKind))).Append("</option>");
            }

            body.Append("</select>");
            Input(body, "statement", "sourceUrl", text.SourceUrl, null, "url", true, Value("statement", "sourceUrl"));
            body.Append("<label for=\"statement-quote\">").Append(Encode(text.VerbatimQuote)).Append("</label><textarea id=\"statement-quote\" name=\"quote\" rows=\"3\" maxlength=\"4000\">")
                .Append(Encode(Value("statement", "quote"))).Append("</textarea>");
            Input(body, "statement", "quoteLang", text.QuoteLanguage, text.QuoteLanguageHint, "text", false, Value("statement", "quoteLang") ?? text.Code, "maxlength=\"35\"");
            body.Append("<button type=\"submit\">").Append(Encode(text.SubmitStatement)).Append("</button></fieldset></form>");
        }

        return DashboardResults.Page(request, text.Submit, body.ToString(), status: status);
    }

    static string RoleName(AccessRole role, TextCatalogue text) => role switch
    {
        AccessRole.Party => text.RoleParty,
        AccessRole.Verifier => text.RoleVerifier,
        _ => text.RoleAdmin,
    };

    static void Input(StringBuilder body, string form, string name, string label, string? hint, string type, bool required, string? value, string extra = "")
    {
        var id = form + "-" + name;
        body.Append("<label for=\"").Append(id).Append("\">").Append(Encode(label));
        if (hint is not null)
        {
            body.Append("<span class=\"hint\" id=\"").Append(id).Append("-hint\">").Append(Encode(hint)).Append("</span>");
        }

        body.Append("</label><input id=\"").Append(id).Append("\" name=\"").Append(name).Append("\" type=\"").Append(type).Append('"');
        if (hint is not null)
        {
            body.Append(" aria-describedby=\"").Append(id).Append("-hint\"");
        }

        body.Append(required ? " required" : "").Append(" maxlength=\"4000\"").Append(extra.Length > 0 ? " " + extra : "");
        if (value is not null)
        {
            body.Append(" value=\"").Append(Encode(value)).Append('"');
        }

        body.Append('>');
    }
}
