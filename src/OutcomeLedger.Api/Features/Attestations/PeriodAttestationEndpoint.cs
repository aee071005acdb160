using Microsoft.AspNetCore.Http.HttpResults;
using OutcomeLedger.Api.Access;
using OutcomeLedger.Api.Features.Entries;
using OutcomeLedger.Api.Features.Records;
using OutcomeLedger.Core.Access;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Sessions;

namespace OutcomeLedger.Api.Features.Attestations;

/// <summary>
/// <c>POST /api/v1/attestations/by-period</c>: the session's attestation by period (as <c>outcomes attest --indicator --from
/// --to</c>), all or nothing, authored by the token's party and signed with the key it delegated to this server.
/// </summary>
internal static class PeriodAttestationEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/by-period", AttestAsync)
            .WithName("AttestByPeriod").WithSummary("Attests every current value of an indicator over a range of periods, signed with the party's delegated key")
            .RequireRateLimiting(EntryEndpoints.WritePolicy)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    static async Task<Results<Ok<PeriodAttestationView>, ProblemHttpResult>> AttestAsync(
        PeriodAttestationBody body, HttpContext context, ServedLedger ledger, WriteAccess access, DelegatedKeys keys, CancellationToken cancellationToken)
    {
        var token = access.Authenticate(context, out var unauthorized);
        if (token is null)
        {
            return unauthorized!;
        }

        if (!WriteAccess.KindsFor(token.Role).Contains(RecordKinds.Attestation.Name))
        {
            return ApiProblem.Forbidden($"a {token.Role.ToString().ToLowerInvariant()} token cannot write attestation entries");
        }

        if (TryRequest(body, token.Party, out var problem) is not { } request)
        {
            return problem!;
        }

        if (keys.KeyOf(token.Party) is not { } key)
        {
            return ApiProblem.Forbidden($"party '{token.Party}' delegated no signing key to this server, so it cannot sign attestations for it; attest with 'outcomes attest' and your own key");
        }

        var report = await ledger.Session.AttestByPeriodAsync(request, key, cancellationToken);
        return TypedResults.Ok(PeriodAttestationView.Of(request, report));
    }

    static PeriodAttestationRequest? TryRequest(PeriodAttestationBody? body, PartyId author, out ProblemHttpResult? problem)
    {
        problem = null;
        if (body is null || string.IsNullOrWhiteSpace(body.Indicator))
        {
            problem = ApiProblem.BadRequest("indicator", "indicator is required");
            return null;
        }

        Period from = default, to = default;
        foreach (var (field, text) in new[] { ("from", body.From), ("to", body.To) })
        {
            if (!Period.TryParse(text, out var period))
            {
                problem = ApiProblem.BadRequest(field, $"{field} is a period: YYYY-MM, YYYY-Qn or YYYY");
                return null;
            }

            (from, to) = field == "from" ? (period, to) : (from, period);
        }

        if (!QueryEnum.TryParse<Verdict>(body.Verdict ?? "", "verdict", out var verdict, out problem))
        {
            return null;
        }

        decimal? figure = null;
        if (body.Figure is not null)
        {
            if (!MeasurementNumber.TryParse(body.Figure, out var parsed, out var numberProblem))
            {
                problem = ApiProblem.BadRequest("figure", $"figure: {numberProblem}");
                return null;
            }

            figure = parsed;
        }

        return new PeriodAttestationRequest
        {
            Indicator = new IndicatorId(body.Indicator),
            From = from,
            To = to,
            Dimensions = body.Dimensions ?? new Dictionary<string, string>(),
            Author = author,
            Verdict = verdict!.Value,
            Figure = figure,
            Reason = body.Reason,
        };
    }
}
