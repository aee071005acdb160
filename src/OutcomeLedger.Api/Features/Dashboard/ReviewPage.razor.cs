using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components;
using OutcomeLedger.Api.Access;
using OutcomeLedger.Core.Access;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Sessions;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Api.Features.Dashboard;

/// <summary>
/// <c>/review</c>: what awaits the signed-in party's attestation, as <c>outcomes review --as party</c> lists it (the
/// session's <see cref="LedgerSession.ReviewQueueAsync"/>): groups of one indicator and run of months, newest first,
/// with the figures, their sources and what acknowledging them would change. Each group is a form that acknowledges (or,
/// for a verifier, verifies) or disputes, with a figure and reason, the whole group or the ticked rows, signed with the
/// key the party delegated to this server, all or nothing (<see cref="LedgerSession.AttestValuesAsync"/>).
/// </summary>
public sealed partial class ReviewPage
{
    /// <summary>The most rows one post may tick (a form's fields are bounded; a whole group has no such bound).</summary>
    const int MaxTicked = 1000;

    [Parameter, EditorRequired]
    public DashboardRequest Request { get; set; } = null!;

    /// <summary>The signed-in party's queue; null when signed out.</summary>
    [Parameter]
    public ReviewQueue? Queue { get; set; }

    /// <summary>What the last form did, in the page's language, or null.</summary>
    [Parameter]
    public string? Message { get; set; }

    /// <summary>The ledger's own reason for a refusal (English, marked so), after <see cref="Message"/>.</summary>
    [Parameter]
    public string? Detail { get; set; }

    [Parameter]
    public bool Ok { get; set; }

    /// <summary>The verdict that confirms a value: verified for a verifier, acknowledged for a party.</summary>
    [Parameter]
    public Verdict Positive { get; set; } = Verdict.Acknowledged;

    TextCatalogue Text => Request.Text;

    LocalFormat F => Text.Format;

    string ResultClass => Ok ? "message ok" : "message fail";

    string ResultRole => Ok ? "status" : "alert";

    string GroupHeading(ReviewGroup group) => group.Heading(Text, F.Period);

    internal static async Task<IResult> GetAsync(HttpContext context, ServedLedger ledger, CancellationToken cancellationToken)
    {
        var request = DashboardRequest.Create(context, DashboardSection.Review, forms: true);
        return await RenderAsync(request, ledger, null, null, false, StatusCodes.Status200OK, cancellationToken);
    }

    internal static async Task<IResult> PostAsync(HttpContext context, ServedLedger ledger, DelegatedKeys keys, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            var refused = DashboardRequest.Create(context, DashboardSection.Review, forms: true);
            return await DashboardResults.MessageAsync(refused, refused.Text.ReviewPage, refused.Text.FormExpired, StatusCodes.Status400BadRequest);
        }

        var request = DashboardRequest.Create(context, DashboardSection.Review, forms: true);
        var text = request.Text;
        var form = await context.Request.ReadFormAsync(cancellationToken);
        if (request.Session is not { } token)
        {
            return await RenderAsync(request, ledger, text.SignInFirst, null, false, StatusCodes.Status401Unauthorized, cancellationToken);
        }

        Task<IResult> Fail(string message, int status, string? detail = null) => RenderAsync(request, ledger, message, detail, false, status, cancellationToken);
        if (!WriteAccess.KindsFor(token.Role).Contains(RecordKinds.Attestation.Name))
        {
            return await Fail(text.ReviewRefused, StatusCodes.Status403Forbidden, $"a {token.Role.ToString().ToLowerInvariant()} token cannot write attestation entries");
        }

        var fields = new SubmissionForm(form, text);
        var figure = fields.Decimal("figure", required: false);
        var reason = fields.Optional("reason");
        if (!Enum.TryParse<Verdict>(form["verdict"].ToString(), ignoreCase: false, out var verdict) || verdict is not (Verdict.Acknowledged or Verdict.Verified or Verdict.Disputed))
        {
            fields.Errors.Add(TextCatalogue.Fill(text.FieldRequired, ("field", text.Verdict)));
        }

        if (fields.Errors.Count > 0)
        {
            return await Fail(string.Join(" ", fields.Errors), StatusCodes.Status400BadRequest);
        }

        if (verdict == Verdict.Disputed && figure is null)
        {
            return await Fail(text.ReviewDisputeNeedsFigure, StatusCodes.Status422UnprocessableEntity);
        }

        List<ulong> chosen;
        if (form["scope"].ToString() == "group")
        {
            // The group as the queue holds it now: the values of that indicator and run of periods still awaiting the party.
            if (!Period.TryParse(form["from"].ToString(), out var from) || !Period.TryParse(form["to"].ToString(), out var to))
            {
                return await Fail(TextCatalogue.Fill(text.FieldNotPeriod, ("field", text.Period)), StatusCodes.Status400BadRequest);
            }

            var queue = await ledger.Session.ReviewQueueAsync(token.Party, cancellationToken);
            chosen = [.. queue.Awaiting(new IndicatorId(form["indicator"].ToString()), from, to)];
        }
        else
        {
            var ticked = form["m"];
            if (ticked.Count > MaxTicked)
            {
                return await Fail(text.ReviewRefused, StatusCodes.Status400BadRequest, $"tick at most {MaxTicked} values at once, or give the verdict to the whole group");
            }

            chosen = [];
            foreach (var value in ticked)
            {
                if (!ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    return await Fail(TextCatalogue.Fill(text.FieldNotNumber, ("field", text.EntryHeading)), StatusCodes.Status400BadRequest);
                }

                chosen.Add(index);
            }
        }

        if (chosen.Count == 0)
        {
            return await Fail(text.ReviewNoneTicked, StatusCodes.Status422UnprocessableEntity);
        }

        if (keys.KeyOf(token.Party) is not { } key)
        {
            return await Fail(TextCatalogue.Fill(text.NoDelegatedKey, ("party", token.Party.Value)), StatusCodes.Status403Forbidden);
        }

        PeriodAttestationReport report;
        try
        {
            report = await ledger.Session.AttestValuesAsync(new ValueAttestationRequest
            {
                Measurements = [.. chosen.Distinct()],
                Author = token.Party,
                Verdict = verdict,
                Figure = figure,
                Reason = reason,
            }, key, cancellationToken);
        }
        catch (LedgerRequestException e)
        {
            var status = e.Error switch
            {
                LedgerError.NotFound => StatusCodes.Status404NotFound,
                LedgerError.Forbidden => StatusCodes.Status403Forbidden,
                LedgerError.Refused => StatusCodes.Status422UnprocessableEntity,
                _ => StatusCodes.Status400BadRequest,
            };
            return await Fail(text.ReviewRefused, status, e.Message);
        }

        var parts = new List<string>();
        if (report.Attested.Count > 0)
        {
            parts.Add(TextCatalogue.Fill(text.ReviewLogged,
                ("values", text.ValuesCount.Of(report.Attested.Count)),
                ("verdict", text.VerdictName(verdict)),
                ("first", report.Attested.Min(a => a.Attestation).ToString(CultureInfo.InvariantCulture)),
                ("last", report.Attested.Max(a => a.Attestation).ToString(CultureInfo.InvariantCulture)),
                ("checkpoint", (report.CheckpointSize ?? 0).ToString(CultureInfo.InvariantCulture))));
        }

        if (report.AlreadyAttested.Count > 0)
        {
            parts.Add(TextCatalogue.Fill(text.ReviewAlready, ("values", text.ValuesCount.Of(report.AlreadyAttested.Count))));
        }

        return await RenderAsync(request, ledger, string.Join(" ", parts), null, true, StatusCodes.Status200OK, cancellationToken);
    }

    static async Task<IResult> RenderAsync(DashboardRequest request, ServedLedger ledger, string? message, string? detail, bool ok, int status, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, object?>
        {
            [nameof(Request)] = request,
            [nameof(Message)] = message,
            [nameof(Detail)] = detail,
            [nameof(Ok)] = ok,
        };
        if (request.Session is { } session)
        {
            try
            {
                parameters[nameof(Queue)] = await ledger.Session.ReviewQueueAsync(session.Party, cancellationToken);
            }
            catch (LedgerRequestException e)
            {
                // The operator attests nothing: the page says why there is no queue.
                parameters[nameof(Message)] = message ?? "";
                parameters[nameof(Detail)] = detail is null ? e.Message : detail + " " + e.Message;
            }

            parameters[nameof(Positive)] = session.Role == AccessRole.Verifier ? Verdict.Verified : Verdict.Acknowledged;
        }

        return await DashboardResults.PageAsync<ReviewPage>(request, parameters, status);
    }
}
