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
        routes.MapGet("/api/scorecard", GetAsync).WithTags("Scorecards").WithName("GetScorecard");
        return routes;
    }

    /// <summary>?agreement= (required), format= json (default), html or md; lang= en (default) or es; at= a checkpoint size (the latest when absent).</summary>
    static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetAsync(
        string? agreement, string? format, string? lang, ulong? at, ServedLedger ledger, CancellationToken cancellationToken)
    {
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

        var scorecard = await EvaluateAsync(ledger, new AgreementId(agreement), at, cancellationToken);
        if (scorecard.Problem is not null)
        {
            return scorecard.Problem;
        }

        var card = scorecard.Scorecard!;
        var bytes = ledger.Rendered($"{card.Agreement.Id}|{format}|{lang ?? "en"}", card.Checkpoint.Size, () => format switch
        {
            "html" => Encoding.UTF8.GetBytes(HtmlScorecard.Render(card, language)),
            "md" => Encoding.UTF8.GetBytes(MarkdownScorecard.Render(card, language)),
            _ => ScorecardJson.Serialize(card),
        });
        var type = format switch
        {
            "html" => "text/html; charset=utf-8",
            "md" => "text/markdown; charset=utf-8",
            _ => "application/json",
        };
        return TypedResults.Bytes(bytes, type);
    }

    public static ScorecardLanguage? Language(string? lang) => lang switch
    {
        null or "en" => ScorecardLanguage.English,
        "es" => ScorecardLanguage.Spanish,
        _ => null,
    };

    /// <summary>Evaluates an agreement at the latest checkpoint, or replays the log to an earlier one.</summary>
    public static async Task<(Scorecard? Scorecard, ProblemHttpResult? Problem)> EvaluateAsync(ServedLedger ledger, AgreementId agreement, ulong? at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        if (at is null || at == ledger.Sequencer.Latest?.Size)
        {
            var latest = await ledger.GetScorecardAsync(agreement, cancellationToken);
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
            return (await ledger.Session.EvaluateAsync(agreement, at, cancellationToken), null);
        }
        catch (LedgerRequestException e) when (e.Error == LedgerError.NotFound)
        {
            return (null, e.Errors is [{ Field: "at" }]
                ? ApiProblem.NotFound($"there is no checkpoint of size {at}")
                : ApiProblem.NotFound($"agreement '{PartyEndpoints.Clip(agreement.Value)}' is not in the log at size {at}"));
        }
    }
}
