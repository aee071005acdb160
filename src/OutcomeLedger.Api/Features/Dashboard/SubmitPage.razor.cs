using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components;
using OutcomeLedger.Api.Access;
using OutcomeLedger.Api.Submissions;
using OutcomeLedger.Core.Access;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Sequencing;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Api.Features.Dashboard;

/// <summary>
/// <c>/submit</c>: sign in with the party's API token, then submit a statement, a measurement or an attestation. The
/// server builds the record with the signed-in party as its author, signs it with the key that party delegated to it,
/// and submits it exactly as <c>POST /api/v1/entries</c> would: the same <see cref="WriteAccess"/> check, then the ledger's
/// own rules. A refusal is shown on the page as it was given.
/// </summary>
public sealed partial class SubmitPage
{
    /// <summary>An indicator the signed-in party reports, as the measurement form offers it.</summary>
    public sealed record ReportedIndicator(string Id, string Name, string Unit);

    /// <summary>The kinds people can write here: those whose definition has a form.</summary>
    static readonly Dictionary<string, RecordKind> FormKinds = RecordKinds.All.Where(k => k.Form is not null).ToDictionary(k => k.Name, StringComparer.Ordinal);

    [Parameter, EditorRequired]
    public DashboardRequest Request { get; set; } = null!;

    /// <summary>What the last form did (logged, or refused and why), or null.</summary>
    [Parameter]
    public string? Message { get; set; }

    /// <summary>Whether <see cref="Message"/> says it was logged.</summary>
    [Parameter]
    public bool Ok { get; set; }

    /// <summary>The entry just logged, linked to its proof check.</summary>
    [Parameter]
    public ulong? Logged { get; set; }

    /// <summary>The kinds the signed-in party's role may write, each with its form.</summary>
    [Parameter]
    public IReadOnlyList<RecordKind> Kinds { get; set; } = [];

    [Parameter]
    public string RoleName { get; set; } = "";

    [Parameter]
    public IReadOnlyList<ReportedIndicator> Indicators { get; set; } = [];

    /// <summary>The value a refused form had in a field (kind, field), shown again; null for a fresh form.</summary>
    [Parameter]
    public Func<string, string, string?> Posted { get; set; } = (_, _) => null;

    /// <summary>The measurement to attest (?measurement=).</summary>
    [Parameter]
    public ulong? Measurement { get; set; }

    TextCatalogue Text => Request.Text;

    string ResultClass => Ok ? "message ok" : "message fail";

    string ResultRole => Ok ? "status" : "alert";

    internal static async Task<IResult> GetAsync(HttpContext context, ServedLedger ledger, ulong? measurement, CancellationToken cancellationToken)
    {
        var request = DashboardRequest.Create(context, DashboardSection.Submit, forms: true);
        return await RenderAsync(request, ledger, null, null, false, StatusCodes.Status200OK, measurement, cancellationToken);
    }

    internal static async Task<IResult> SignInAsync(HttpContext context, ServedLedger ledger, IAntiforgery antiforgery, DashboardSession session, CancellationToken cancellationToken)
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

        return new SeeOtherResult("/submit");
    }

    internal static async Task<IResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (await RefuseForgeryAsync(context, antiforgery) is { } forged)
        {
            return forged;
        }

        DashboardSession.SignOut(context);
        return new SeeOtherResult("/");
    }

    internal static async Task<IResult> PostAsync(string kind, HttpContext context, ServedLedger ledger, IEntrySubmitter submitter, DelegatedKeys keys, IAntiforgery antiforgery, LedgerServerOptions options, CancellationToken cancellationToken)
    {
        if (await RefuseForgeryAsync(context, antiforgery) is { } forged)
        {
            return forged;
        }

        var request = DashboardRequest.Create(context, DashboardSection.Submit, forms: true);
        var text = request.Text;
        if (!FormKinds.TryGetValue(kind, out var recordKind))
        {
            return await DashboardResults.MessageAsync(request, text.NotFound, text.NotFound, StatusCodes.Status404NotFound);
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
            return await RenderAsync(request, ledger, (kind, form), text.Refused + " " + forbidden.ProblemDetails.Detail, false, forbidden.StatusCode, null, cancellationToken);
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
        return await DashboardResults.MessageAsync(request, request.Text.Submit, request.Text.FormExpired, StatusCodes.Status400BadRequest);
    }

    static async Task<IResult> RenderAsync(DashboardRequest request, ServedLedger ledger, (string Kind, IFormCollection Form)? posted, string? message, bool ok, int status, ulong? measurement, CancellationToken cancellationToken, ulong? logged = null)
    {
        var parameters = new Dictionary<string, object?>
        {
            [nameof(Request)] = request,
            [nameof(Message)] = message,
            [nameof(Ok)] = ok,
            [nameof(Logged)] = logged,
        };
        if (request.Session is { } session)
        {
            parameters[nameof(Indicators)] = await ledger.ReadAsync(state => state.Indicators.Values
                .Where(i => i.Record.Reporter == session.Party)
                .OrderBy(i => i.Record.Name, StringComparer.Ordinal)
                .Select(i => new ReportedIndicator(i.Record.Id.Value, i.Record.Name, i.Record.Unit))
                .ToList(), cancellationToken);
            var allowed = WriteAccess.KindsFor(session.Role);
            parameters[nameof(Kinds)] = FormKinds.Values.Where(k => allowed.Contains(k.Name)).ToList();
            parameters[nameof(RoleName)] = session.Role switch
            {
                AccessRole.Party => request.Text.RoleParty,
                AccessRole.Verifier => request.Text.RoleVerifier,
                _ => request.Text.RoleAdmin,
            };
            parameters[nameof(Measurement)] = measurement;
            if (posted is { } p)
            {
                parameters[nameof(Posted)] = new Func<string, string, string?>((kind, name) => kind == p.Kind ? p.Form[name].ToString() : null);
            }
        }

        return await DashboardResults.PageAsync<SubmitPage>(request, parameters, status);
    }
}
