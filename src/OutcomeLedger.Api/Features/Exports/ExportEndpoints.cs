using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using OutcomeLedger.Api.Features.Parties;
using OutcomeLedger.Api.Features.Scorecards;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Reports;
using OutcomeLedger.Export;

namespace OutcomeLedger.Api.Features.Exports;

/// <summary>
/// The spreadsheet downloads, as <c>outcomes export</c> writes them: the xlsx workbook, or one of its sheets as CSV (the
/// summary, or an indicator's), of an agreement at a checkpoint, in English or Spanish.
/// </summary>
internal static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags("Exports");
        group.MapGet("/export.xlsx", GetXlsxAsync).WithName("GetExportXlsx").WithSummary("An agreement's scorecard and data as an Excel workbook");
        group.MapGet("/export.csv", GetCsvAsync).WithName("GetExportCsv").WithSummary("One sheet of an agreement's export as CSV");
        return routes;
    }

    /// <summary>?agreement= (required); lang= en (default) or es; at= a checkpoint size (the latest when absent).</summary>
    static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetXlsxAsync(
        string? agreement, string? lang, ulong? at, ServedLedger ledger, HttpContext context, CancellationToken cancellationToken)
    {
        var built = await BuildAsync(agreement, lang, at, ledger, context, cancellationToken);
        if (built.Problem is not null)
        {
            return built.Problem;
        }

        var workbook = built.Workbook!;
        var bytes = ledger.Rendered($"{agreement}|xlsx|{workbook.Language}", workbook.CheckpointSize, () => XlsxExport.Write(workbook));
        return TypedResults.File(bytes, XlsxExport.MediaType, FileName(workbook, agreement!) + ".xlsx");
    }

    /// <summary>As the xlsx, one sheet as CSV (RFC 4180): sheet= the summary's name (the default) or an indicator's id.</summary>
    static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetCsvAsync(
        string? agreement, string? lang, ulong? at, string? sheet, ServedLedger ledger, HttpContext context, CancellationToken cancellationToken)
    {
        var built = await BuildAsync(agreement, lang, at, ledger, context, cancellationToken);
        if (built.Problem is not null)
        {
            return built.Problem;
        }

        var workbook = built.Workbook!;
        var chosen = sheet is null ? workbook.Sheets[0] : workbook.Sheets.FirstOrDefault(s => string.Equals(s.Name, sheet, StringComparison.OrdinalIgnoreCase));
        if (chosen is null)
        {
            return ApiProblem.NotFound($"no sheet '{PartyEndpoints.Clip(sheet!)}'; sheets: {string.Join(", ", workbook.Sheets.Select(s => s.Name))}");
        }

        return TypedResults.File(CsvExport.Write(chosen), CsvExport.MediaType, FileName(workbook, agreement!) + "-" + CsvExport.FileName(chosen));
    }

    static async Task<(ExportWorkbook? Workbook, ProblemHttpResult? Problem)> BuildAsync(
        string? agreement, string? lang, ulong? at, ServedLedger ledger, HttpContext context, CancellationToken cancellationToken)
    {
        // A download, never sniffed into another type nor framed.
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.XFrameOptions = "DENY";
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; sandbox";
        if (string.IsNullOrEmpty(agreement) || agreement.Length > Records.Paging.MaxFilterLength)
        {
            return (null, ApiProblem.BadRequest("agreement", "give the agreement's id: ?agreement="));
        }

        if (ScorecardEndpoints.Language(lang) is not { } language)
        {
            return (null, ApiProblem.BadRequest("lang", "lang is en or es"));
        }

        var (scorecard, problem) = await ScorecardEndpoints.EvaluateAsync(ledger, new AgreementId(agreement), at, cancellationToken);
        return problem is not null ? (null, problem) : (ExportBuilder.Build(scorecard!, language), null);
    }

    // "us-mx-security-494.xlsx", "us-mx-security-494-Summary.csv": the agreement and the checkpoint it is of.
    static string FileName(ExportWorkbook workbook, string agreement) =>
        ExportBuilder.Unique(agreement, []) + "-" + workbook.CheckpointSize.ToString(CultureInfo.InvariantCulture);
}
