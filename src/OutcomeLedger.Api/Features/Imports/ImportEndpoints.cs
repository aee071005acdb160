using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OutcomeLedger.Api.Access;
using OutcomeLedger.Api.Features.Entries;
using OutcomeLedger.Core.Access;
using OutcomeLedger.Core.Import;
using OutcomeLedger.Core.Import.Formats;
using OutcomeLedger.Core.Import.Mapped;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Api.Features.Imports;

/// <summary>
/// <c>POST /api/v1/imports</c>: a CSV file, as published, imported into an indicator through a column mapping — the
/// session's import, under the same all-or-nothing rules and with the same report as <c>outcomes import csv --json</c>.
/// The values are authored by the token's party and signed with the key that party delegated to this server.
/// </summary>
internal static class ImportEndpoints
{
    /// <summary>The largest CSV accepted (the CLI reads files of up to 64 MiB; a request is bounded tighter).</summary>
    public const long MaxCsvBytes = 16L * 1024 * 1024;

    public static IEndpointRouteBuilder MapImports(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/imports", ImportAsync)
            .WithTags("Imports")
            .WithName("ImportCsv").WithSummary("Imports a published CSV file into an indicator through a column mapping")
            .RequireRateLimiting(EntryEndpoints.WritePolicy)
            .WithMetadata(new RequestSizeLimitAttribute(MaxCsvBytes))
            .Accepts<string>("text/csv")
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
    /// ?indicator= and ?map=period=Month,value=Total[,note=…][,dimension=Column…] and ?dataset= are required; ?url=,
    /// ?file= (the name recorded, default upload.csv), ?dryRun=true, ?provisional=true, ?sumDuplicates=true,
    /// ?allowNegative=true and ?release=yyyy-MM-dd (the source's release the file is: recorded with each value, and the
    /// report's revisions say what it added and changed, as <c>outcomes import … --release</c>) are optional. The body is the CSV.
    /// </summary>
    static async Task<Results<JsonHttpResult<object>, ProblemHttpResult>> ImportAsync(
        string? indicator, string? map, string? dataset, string? url, string? file, bool? dryRun, bool? provisional, bool? sumDuplicates, bool? allowNegative, string? release,
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

        foreach (var (parameter, value) in new[] { ("indicator", indicator), ("map", map), ("dataset", dataset) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return ApiProblem.BadRequest(parameter, $"?{parameter}= is required");
            }
        }

        if (!ColumnMapping.TryParse(map!, out var mapping, out var mapError))
        {
            return ApiProblem.BadRequest("map", mapError);
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

        var name = string.IsNullOrWhiteSpace(file) ? "upload.csv" : Path.GetFileName(file);
        if (name.Length > 200 || name.Any(char.IsControl))
        {
            return ApiProblem.BadRequest("file", "file is a plain file name of at most 200 characters");
        }

        if (keys.KeyOf(token.Party) is not { } key)
        {
            return ApiProblem.Forbidden($"party '{token.Party}' delegated no signing key to this server, so it cannot sign an import for it; import with 'outcomes import csv' and your own key");
        }

        // The whole body, bounded by the endpoint's size limit: the importer reads it twice (values, then evidence).
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, cancellationToken);
        var bytes = body.ToArray();
        var rules = new MappedCsvRules { SumDuplicates = sumDuplicates == true, AllowNegativeValues = allowNegative == true };
        var request = new MeasurementImportRequest
        {
            Indicator = new IndicatorId(indicator!),
            Author = token.Party,
            Files = [new ImportFile(name, () => new MemoryStream(bytes, writable: false))],
            Format = SourceFormats.MappedCsv(dataset!, mapping, rules),
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
