using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using OutcomeLedger.Api.Access;
using OutcomeLedger.Api.Submissions;
using OutcomeLedger.Core.Access;
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
    /// <summary>The kinds people can write here: those whose definition has a form.</summary>
    static readonly Dictionary<string, RecordKind> FormKinds = RecordKinds.All.Where(k => k.Form is not null).ToDictionary(k => k.Name, StringComparer.Ordinal);

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
        var (token, failure) = await session.SignInAsync(context, form["token"].ToString(), cancellationToken);
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
        if (!FormKinds.TryGetValue(kind, out var recordKind))
        {
            return DashboardResults.Message(request, text.NotFound, text.NotFound, StatusCodes.Status404NotFound);
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        if (request.Session is not { } token)
        {
            return await RenderAsync(request, ledger, null, text.SignInFirst, false, StatusCodes.Status401Unauthorized, null, cancellationToken);
        }

        var fields = new SubmissionForm(form, text);
        var record = recordKind.Form!.Build(fields, token.Party, options.Time.GetUtcNow());
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
        body.Append("<p>").Append(Encode(TextCatalogue.Fill(text.SubmitExplain, ("party", session.Party.Value), ("role", RoleName(session.Role, text))))).Append("</p>");
        string? Value(string kind, string name) => posted is { } p && p.Kind == kind ? p.Form[name].ToString() : null;

        var allowed = WriteAccess.KindsFor(session.Role);
        foreach (var kind in FormKinds.Values.Where(k => allowed.Contains(k.Name)))
        {
            var (title, submit) = text.FormWords(kind.Name);
            body.Append("<form class=\"panel\" method=\"post\" action=\"/submit/").Append(kind.Name).Append("\" id=\"").Append(kind.Name).Append("-form\">").Append(request.AntiforgeryField)
                .Append("<fieldset><legend>").Append(Encode(title)).Append("</legend>");
            foreach (var field in kind.Form!.Fields)
            {
                var value = Value(kind.Name, field.Name);
                Field(body, kind.Name, field, value, text, indicators, measurement);
            }

            body.Append("<button type=\"submit\">").Append(Encode(submit)).Append("</button></fieldset></form>");
        }

        return DashboardResults.Page(request, text.Submit, body.ToString(), status: status);
    }

    // One field of a kind's form, as its type says it is entered.
    static void Field(StringBuilder body, string form, FormField field, string? value, TextCatalogue text, List<(string Id, string Name, string Unit, PeriodType PeriodType)> indicators, ulong? measurement)
    {
        var id = form + "-" + field.Name;
        var label = text.FieldLabel(field.Name);
        switch (field.Type)
        {
            case FormFieldType.ReportedIndicator:
                if (indicators.Count == 0)
                {
                    body.Append("<p>").Append(Encode(text.NoIndicators)).Append("</p>");
                }

                body.Append("<label for=\"").Append(id).Append("\">").Append(Encode(label)).Append("</label><select id=\"").Append(id).Append("\" name=\"").Append(field.Name).Append("\" required>");
                foreach (var (indicator, name, unit, _) in indicators)
                {
                    body.Append("<option value=\"").Append(Encode(indicator)).Append('"').Append(value == indicator ? " selected" : "").Append('>').Append(Encode($"{name} ({unit})")).Append("</option>");
                }

                body.Append("</select>");
                break;
            case FormFieldType.Choice:
                body.Append("<label for=\"").Append(id).Append("\">").Append(Encode(label)).Append("</label><select id=\"").Append(id).Append("\" name=\"").Append(field.Name).Append('"').Append(field.Required ? " required" : "").Append('>');
                foreach (Enum choice in Enum.GetValues(field.Choices!))
                {
                    var name = choice.ToString();
                    body.Append("<option value=\"").Append(name).Append('"').Append(value == name ? " selected" : "").Append('>').Append(Encode(text.ChoiceName(choice))).Append("</option>");
                }

                body.Append("</select>");
                break;
            case FormFieldType.Checkbox:
                body.Append("<label class=\"check\" for=\"").Append(id).Append("\"><input type=\"checkbox\" id=\"").Append(id).Append("\" name=\"").Append(field.Name).Append('"')
                    .Append(value is "on" ? " checked" : "").Append('>').Append(Encode(label)).Append("</label>");
                break;
            case FormFieldType.LongText:
                body.Append("<label for=\"").Append(id).Append("\">").Append(Encode(label)).Append("</label><textarea id=\"").Append(id).Append("\" name=\"").Append(field.Name)
                    .Append("\" rows=\"3\" maxlength=\"4000\"").Append(field.Required ? " required" : "").Append('>').Append(Encode(value)).Append("</textarea>");
                break;
            default:
                var (type, extra) = field.Type switch
                {
                    FormFieldType.Id => ("text", "pattern=\"[a-z0-9][a-z0-9.\\-]*\""),
                    FormFieldType.Date => ("date", ""),
                    FormFieldType.Url => ("url", ""),
                    FormFieldType.Decimal => ("text", "inputmode=\"decimal\""),
                    FormFieldType.EntryIndex => ("number", "min=\"0\""),
                    FormFieldType.LanguageTag => ("text", "maxlength=\"35\""),
                    _ => ("text", ""),
                };
                if (field.Type == FormFieldType.EntryIndex && field.Name == "measurement")
                {
                    value ??= measurement?.ToString(CultureInfo.InvariantCulture);
                }

                if (field.Type == FormFieldType.LanguageTag)
                {
                    value ??= text.Code;
                }

                Input(body, form, field.Name, label, text.FieldHint(field.Name), type, field.Required, value, extra);
                break;
        }
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
