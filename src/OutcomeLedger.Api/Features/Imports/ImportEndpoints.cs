using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OutcomeLedger.Api.Access;
using OutcomeLedger.Api.Features.Entries;
using OutcomeLedger.Api.Features.Uploads;
using OutcomeLedger.Core.Access;
using OutcomeLedger.Core.Import;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Api.Features.Imports;

/// <summary>
/// <c>POST /api/v1/imports</c>: CSV files, as published (the body, or several in a multipart/form-data upload), imported
/// into an indicator through a column mapping and the csv options of <c>outcomes import csv</c> — the
/// session's import, under the same all-or-nothing rules and with the same report as <c>outcomes import csv --json</c>.
/// The values are authored by the token's party and signed with the key that party delegated to this server.
/// </summary>
internal static class ImportEndpoints
{
    /// <summary>The largest request accepted, all its files together (the CLI reads files of up to 64 MiB; a request is bounded tighter).</summary>
    public const long MaxCsvBytes = 16L * 1024 * 1024;

    public static IEndpointRouteBuilder MapImports(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/imports", ImportAsync)
            .WithTags("Imports")
            .WithName("ImportCsv").WithSummary("Imports published CSV files into an indicator through a column mapping")
            .RequireRateLimiting(EntryEndpoints.WritePolicy)
            .WithMetadata(new RequestSizeLimitAttribute(MaxCsvBytes))
            .Accepts<string>("text/csv", "multipart/form-data")
            .Produces<object>(StatusCodes.Status200OK, "application/json")
            .Produces<object>(StatusCodes.Status422UnprocessableEntity, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return routes;
    }

    /// <summary>
    /// ?indicator=, ?map=period=Month,value=Total[,note=…][,dimension=Column…] and ?dataset= are required; the csv options
    /// (<see cref="CsvQuery"/>: ?sumDuplicates=, ?allowNegative=, ?periodFromDate=, ?aggregate=sum|last|count,
    /// ?cumulative=, ?where=column=value), ?url=, ?file= (the name recorded for a body that is one file, default
    /// upload.csv), ?dryRun=true, ?provisional=true and ?release=yyyy-MM-dd (the source's release the files are: recorded
    /// with each value, and the report's revisions say what it added and changed, as <c>outcomes import … --release</c>)
    /// are optional. The body is the CSV, or a multipart/form-data upload of several (<see cref="UploadedFiles"/>).
    /// </summary>
    static async Task<Results<JsonHttpResult<object>, ProblemHttpResult>> ImportAsync(
        string? indicator, [AsParameters] CsvQuery csv, string? dataset, string? url, string? file, bool? dryRun, bool? provisional, string? release,
        HttpContext context, ServedLedger ledger, WriteAccess access, DelegatedKeys keys, CancellationToken cancellationToken)
    {
        var token = access.Authenticate(context, out var unauthorized);
        if (token is null)
        {
            return unauthorized!;
        }

        if (!WriteAccess.KindsFor(token.Role).Contains(RecordKinds.Measurement.Name))
        {
            return ApiProblem.Forbidden($"a {token.Role.ToString().ToLowerInvariant()} token cannot write measurement entries");
        }

        foreach (var (parameter, value) in new[] { ("indicator", indicator), ("map", csv.Map), ("dataset", dataset) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return ApiProblem.BadRequest(parameter, $"?{parameter}= is required");
            }
        }

        if (csv.Format(dataset!, out var problem) is not { } format)
        {
            return problem!;
        }

        DateOnly? releaseDate = null;
        if (release is not null)
        {
            if (!DateOnly.TryParseExact(release, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed))
            {
                return ApiProblem.BadRequest("release", "release is the date of the source's release, written yyyy-MM-dd");
            }

            releaseDate = parsed;
        }

        if (keys.KeyOf(token.Party) is not { } key)
        {
            return ApiProblem.Forbidden($"party '{token.Party}' delegated no signing key to this server, so it cannot sign an import for it; import with 'outcomes import csv' and your own key");
        }

        var upload = await UploadedFiles.ReadAsync(context, file, cancellationToken);
        if (upload.Files is not { } files)
        {
            return upload.Failure!;
        }

        var request = new MeasurementImportRequest
        {
            Indicator = new IndicatorId(indicator!),
            Author = token.Party,
            Files = files,
            Format = format,
            Dataset = dataset,
            Url = url,
            Provisional = provisional == true,
            Release = releaseDate,
            DryRun = dryRun == true,
        };
        var report = await ledger.Session.ImportMeasurementsAsync(request, key, null, cancellationToken);
        return report.Succeeded
            ? TypedResults.Json(report.ToJson(), MeasurementImportReport.JsonOptions)
            : TypedResults.Json(report.ToJson(), MeasurementImportReport.JsonOptions, statusCode: StatusCodes.Status422UnprocessableEntity);
    }
}
