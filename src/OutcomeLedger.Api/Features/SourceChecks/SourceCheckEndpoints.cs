using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OutcomeLedger.Api.Access;
using OutcomeLedger.Api.Features.Entries;
using OutcomeLedger.Api.Features.Uploads;
using OutcomeLedger.Core.Access;
using OutcomeLedger.Core.Import;
using OutcomeLedger.Core.Import.Cbp;
using OutcomeLedger.Core.Import.Cdc;
using OutcomeLedger.Core.Import.Formats;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Sessions;

namespace OutcomeLedger.Api.Features.SourceChecks;

/// <summary>
/// <c>POST /api/v1/source-checks</c>: an independent verifier (or the other party) re-derives an indicator's logged values
/// from the agency's published files, uploaded as the body (one file) or as a multipart/form-data upload (several:
/// CBP publishes one series in two files), with the importer's own rules: the session's
/// <see cref="LedgerSession.VerifySourceAsync"/>, as <c>outcomes verify-source cbp|cdc|csv</c>. Matches are signed
/// "verified" (a verifier) or acknowledged (a party), differences disputed with the file's figure, by the token's party
/// with the key it delegated to this server; all or nothing.
/// </summary>
internal static class SourceCheckEndpoints
{
    /// <summary>The largest request accepted, all its files together (as for imports).</summary>
    public const long MaxFileBytes = 16L * 1024 * 1024;

    public static IEndpointRouteBuilder MapSourceChecks(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/source-checks", CheckAsync)
            .WithTags("Source checks")
            .WithName("CheckSource")
            .WithSummary("Re-derive an indicator's logged values from the published file: sign what matches, dispute what differs")
            .WithDescription("The body is the published file (text/csv, named by ?file=), or a multipart/form-data upload of up to 8 files, each part with its file name (CBP publishes one series in two files). ?format= is cbp, cdc or csv, each with its selection (cbp: ?drug=&region=&landFilter=…; cdc: ?state=&cdcIndicator=; csv: ?map=, with ?periodFromDate=, ?aggregate=sum|last|count, ?cumulative=, ?where=column=value as 'outcomes verify-source csv'). All or nothing: a file with problems (422, listed with file, line and column), the reporter checking its own values, or a verifier the agreement's policy does not count attests nothing.")
            .RequireRateLimiting(EntryEndpoints.WritePolicy)
            .WithMetadata(new RequestSizeLimitAttribute(MaxFileBytes))
            .Accepts<string>("text/csv", "multipart/form-data")
            .Produces<SourceCheckView>(StatusCodes.Status200OK)
            .Produces<SourceCheckView>(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return routes;
    }

    static async Task<Results<JsonHttpResult<SourceCheckView>, ProblemHttpResult>> CheckAsync(
        [AsParameters] SourceCheckQuery query, [AsParameters] CsvQuery csv, HttpContext context, ServedLedger ledger, WriteAccess access, DelegatedKeys keys, CancellationToken cancellationToken)
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

        if (string.IsNullOrWhiteSpace(query.Indicator))
        {
            return ApiProblem.BadRequest("indicator", "?indicator= is required");
        }

        if (Format(query, csv, out var problem) is not { } format)
        {
            return problem!;
        }

        if (query.Url is { } url && (url.Length > 2000 || !Uri.TryCreate(url, UriKind.Absolute, out var address) || address.Scheme is not ("https" or "http")))
        {
            return ApiProblem.BadRequest("url", "url is the http(s) address the file was published at, of at most 2000 characters");
        }

        if (keys.KeyOf(token.Party) is not { } key)
        {
            return ApiProblem.Forbidden($"party '{token.Party}' delegated no signing key to this server, so it cannot sign attestations for it; check the file with 'outcomes verify-source' and your own key");
        }

        var upload = await UploadedFiles.ReadAsync(context, query.File, cancellationToken);
        if (upload.Files is not { } files)
        {
            return upload.Failure!;
        }

        var request = new SourceVerificationRequest
        {
            Indicator = new IndicatorId(query.Indicator),
            Author = token.Party,
            Files = files,
            Format = format,
            Url = query.Url,
            DryRun = query.DryRun == true,
        };
        var report = await ledger.Session.VerifySourceAsync(request, key, cancellationToken);
        var view = SourceCheckView.Of(report);
        return report.Succeeded
            ? TypedResults.Json(view)
            : TypedResults.Json(view, statusCode: StatusCodes.Status422UnprocessableEntity);
    }

    // The reader of ?format= with its selection, as the CLI's cbp, cdc and csv subcommands build it.
    static SourceFormat? Format(SourceCheckQuery query, CsvQuery csv, out ProblemHttpResult? problem)
    {
        problem = null;
        switch (query.Format)
        {
            case "csv":
                return csv.Format("CSV", out problem);
            case "cbp":
                var measure = CbpMeasure.Pounds;
                if (query.Measure is not null && !TryName(query.Measure, out measure))
                {
                    problem = ApiProblem.BadRequest("measure", "measure is pounds or event-count");
                    return null;
                }

                var grouping = new List<CbpDimension>();
                foreach (var column in query.GroupBy ?? [])
                {
                    if (!TryName<CbpDimension>(column, out var dimension))
                    {
                        problem = ApiProblem.BadRequest("groupBy", $"groupBy: '{column}' is not one of {string.Join(", ", Enum.GetValues<CbpDimension>().Select(Name))}");
                        return null;
                    }

                    grouping.Add(dimension);
                }

                var selection = new CbpSeizureSelection
                {
                    DrugTypes = Filter(query.Drug),
                    Regions = Filter(query.Region),
                    Components = Filter(query.Component),
                    LandFilters = Filter(query.LandFilter),
                    AreasOfResponsibility = Filter(query.Area),
                    Measure = measure,
                    GroupBy = grouping,
                    IncludeMonthsWithoutSeizuresAsZero = query.ZeroMonths == true,
                };
                if (selection.DrugTypes is null && !grouping.Contains(CbpDimension.DrugType) && measure == CbpMeasure.Pounds)
                {
                    problem = ApiProblem.BadRequest("drug", "pounds of different drugs do not add up to a meaningful figure: give ?drug=, or ?groupBy=drug-type");
                    return null;
                }

                return SourceFormats.Cbp(selection);
            case "cdc":
                var state = string.IsNullOrWhiteSpace(query.State) ? CdcOverdoseSelection.UnitedStates : query.State;
                return SourceFormats.Cdc(new CdcOverdoseSelection(
                    state.Equals("all", StringComparison.OrdinalIgnoreCase) ? null : state,
                    string.IsNullOrWhiteSpace(query.CdcIndicator) ? CdcOverdoseSelection.SyntheticOpioidsIndicator : query.CdcIndicator,
                    query.Predicted == true ? CdcValueKind.Predicted : CdcValueKind.Reported));
            default:
                problem = ApiProblem.BadRequest("format", "?format= is cbp, cdc or csv");
                return null;
        }
    }

    static List<string>? Filter(string[]? values) => values is null || values.Length == 0 ? null : [.. values];

    static string Name<T>(T value) where T : struct, Enum => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    static bool TryName<T>(string text, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (Name(candidate).Equals(text, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
