using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using OutcomeLedger.Api.Features.Parties;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Sessions;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Api.Features.Scorecards;

/// <summary>An agreement's scorecard at a checkpoint: JSON (the model), HTML and Markdown rendered from it, in English or Spanish.</summary>
internal static class ScorecardEndpoints
{
    public static IEndpointRouteBuilder MapScorecards(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/scorecard", GetAsync).WithTags("Scorecards").WithName("GetScorecard").WithSummary("An agreement's scorecard at a checkpoint, as JSON, HTML or Markdown, in English or Spanish");
        return routes;
    }

    /// <summary>
    /// ?agreement= (required), format= json (default), html or md; lang= en (default) or es; at= a checkpoint size (the
    /// latest when absent); asOf= a date (YYYY-MM-DD) no later than the checkpoint's log time (the log time when absent),
    /// as the CLI's <c>--as-of</c>.
    /// </summary>
    static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetAsync(
        string? agreement, string? format, string? lang, ulong? at, string? asOf, ServedLedger ledger, HttpContext context, CancellationToken cancellationToken)
    {
        // Whatever the answer: never sniffed into another type, never framed.
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.XFrameOptions = "DENY";
        format ??= "json";
        if (string.IsNullOrEmpty(agreement) || agreement.Length > Records.Paging.MaxFilterLength)
        {
            return ApiProblem.BadRequest("agreement", "give the agreement's id: ?agreement=");
        }

        if (format is not ("json" or "html" or "md"))
        {
            return ApiProblem.BadRequest("format", "format is json, html or md");
        }

        if (Language(lang) is not { } language)
        {
            return ApiProblem.BadRequest("lang", "lang is en or es");
        }

        DateOnly? asOfDate = null;
        if (asOf is not null)
        {
            if (!DateOnly.TryParseExact(asOf, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed))
            {
                return ApiProblem.BadRequest("asOf", "asOf is a date, YYYY-MM-DD");
            }

            asOfDate = parsed;
        }

        var scorecard = await EvaluateAsync(ledger, new AgreementId(agreement), at, asOfDate, cancellationToken);
        if (scorecard.Problem is not null)
        {
            return scorecard.Problem;
        }

        var card = scorecard.Scorecard!;
        byte[] Render() => format switch
        {
            "html" => Encoding.UTF8.GetBytes(HtmlScorecard.Render(card, language)),
            "md" => Encoding.UTF8.GetBytes(MarkdownScorecard.Render(card, language)),
            _ => ScorecardJson.Serialize(card),
        };

        // A scorecard as of an earlier date is rendered for the request and not kept: any date may be asked for.
        var bytes = asOfDate is null ? ledger.Rendered($"{card.Agreement.Id}|{format}|{lang ?? "en"}", card.Checkpoint.Size, Render) : Render();
        var type = format switch
        {
            "html" => "text/html; charset=utf-8",
            "md" => "text/markdown; charset=utf-8",
            _ => "application/json",
        };
        context.Response.Headers.ContentSecurityPolicy = format == "html" ? HtmlPolicy(bytes) : "default-src 'none'; frame-ancestors 'none'; sandbox";
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
        return TypedResults.Bytes(bytes, type);
    }

    /// <summary>
    /// The HTML scorecard is one self-contained page (it is also written to a file and opened from disk): no script, no
    /// request of its own, and one inline stylesheet, allowed by its SHA-256 (CSP 3 §8.3) rather than by
    /// 'unsafe-inline', so that nothing injected into it could style or script the page. Its links lead away from it.
    /// </summary>
    internal static string HtmlPolicy(byte[] html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var styles = new List<string>();
        var text = html.AsSpan();
        ReadOnlySpan<byte> open = "<style>"u8, close = "</style>"u8;
        for (int start; (start = text.IndexOf(open)) >= 0;)
        {
            text = text[(start + open.Length)..];
            var end = text.IndexOf(close);
            if (end < 0)
            {
                break;
            }

            styles.Add($"'sha256-{Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(text[..end]))}'");
            text = text[(end + close.Length)..];
        }

        var style = styles.Count == 0 ? "'none'" : string.Join(' ', styles);
        return $"default-src 'none'; style-src {style}; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    public static ScorecardLanguage? Language(string? lang) => lang switch
    {
        null or "en" => ScorecardLanguage.English,
        "es" => ScorecardLanguage.Spanish,
        _ => null,
    };

    /// <summary>Evaluates an agreement at the latest checkpoint, or replays the log to an earlier one.</summary>
    public static Task<(Scorecard? Scorecard, ProblemHttpResult? Problem)> EvaluateAsync(ServedLedger ledger, AgreementId agreement, ulong? at, CancellationToken cancellationToken) =>
        EvaluateAsync(ledger, agreement, at, null, cancellationToken);

    /// <summary>As the overload without it, as of <paramref name="asOf"/> when given (a later date than the checkpoint's log time is a 400 naming asOf).</summary>
    public static async Task<(Scorecard? Scorecard, ProblemHttpResult? Problem)> EvaluateAsync(ServedLedger ledger, AgreementId agreement, ulong? at, DateOnly? asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        try
        {
            return await EvaluateOrThrowAsync(ledger, agreement, at, asOf, cancellationToken);
        }
        catch (LedgerRequestException e) when (e.Error == LedgerError.Invalid && e.Errors is [{ Field: "as-of" } wrong])
        {
            return (null, ApiProblem.BadRequest("asOf", wrong.Message));
        }
    }

    static async Task<(Scorecard? Scorecard, ProblemHttpResult? Problem)> EvaluateOrThrowAsync(ServedLedger ledger, AgreementId agreement, ulong? at, DateOnly? asOf, CancellationToken cancellationToken)
    {
        if (at is null || at == ledger.Sequencer.Latest?.Size)
        {
            var latest = asOf is { } date ? await ledger.GetScorecardAsync(agreement, date, cancellationToken) : await ledger.GetScorecardAsync(agreement, cancellationToken);
            if (latest is null)
            {
                return (null, ApiProblem.NotFound($"agreement '{PartyEndpoints.Clip(agreement.Value)}' is not in the log"));
            }

            // The log may have grown since ?at= was compared: then that size is replayed below.
            if (at is null || latest.Checkpoint.Size == at)
            {
                return (latest, null);
            }
        }

        try
        {
            return (await ledger.Session.EvaluateAsync(agreement, at, asOf, cancellationToken), null);
        }
        catch (LedgerRequestException e) when (e.Error == LedgerError.NotFound)
        {
            return (null, e.Errors is [{ Field: "at" }]
                ? ApiProblem.NotFound($"there is no checkpoint of size {at}")
                : ApiProblem.NotFound($"agreement '{PartyEndpoints.Clip(agreement.Value)}' is not in the log at size {at}"));
        }
    }
}
