using OutcomeLedger.Core.Sessions;
using OutcomeLedger.Core.Transparency.Tiles;
using OutcomeLedger.Storage;

namespace OutcomeLedger.Api;

/// <summary>
/// The session's expected failures as RFC 9457 problems: a malformed request (400), something not in the ledger (404),
/// a signer not allowed (403), records the rules refuse (422); a full disk or database is a 507 that says so; a stored
/// log that does not match its signed checkpoint is a 500 that says so, and nothing is served from it.
/// </summary>
internal static partial class LedgerErrors
{
    public static IApplicationBuilder UseLedgerErrors(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (LedgerRequestException e) when (!context.Response.HasStarted)
        {
            var status = e.Error switch
            {
                LedgerError.NotFound => StatusCodes.Status404NotFound,
                LedgerError.Forbidden => StatusCodes.Status403Forbidden,
                LedgerError.Refused => StatusCodes.Status422UnprocessableEntity,
                _ => StatusCodes.Status400BadRequest,
            };
            await ApiProblem.Create(status, status == StatusCodes.Status422UnprocessableEntity ? "The entry was refused" : "The request cannot be answered", e.Message, e.Errors).ExecuteAsync(context);
        }
        catch (Exception e) when (StoreFailures.IsDiskFull(e) && !context.Response.HasStarted)
        {
            // Nothing of the request was logged (a batch is one transaction): the client may send it again later.
            var logger = context.RequestServices.GetRequiredService<ILogger<ServedLedger>>();
            LogDiskFull(logger, e);

            await ApiProblem.Create(StatusCodes.Status507InsufficientStorage, "The server's storage is full",
                "the ledger's disk or database is full, so nothing of this request was written; send it again once the operator has freed space").ExecuteAsync(context);
        }
        catch (LogMismatchException e) when (!context.Response.HasStarted)
        {
            LogMismatch(context.RequestServices.GetRequiredService<ILogger<ServedLedger>>(), e.Message);
            await ApiProblem.Create(StatusCodes.Status500InternalServerError, "The stored log does not match its signed checkpoint", e.Message).ExecuteAsync(context);
        }
    });

    [LoggerMessage(Level = LogLevel.Critical, Message = "the ledger's storage is full: writes are refused with 507 until space is freed")]
    static partial void LogDiskFull(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "the stored log does not match its signed checkpoint: {Detail}")]
    static partial void LogMismatch(ILogger logger, string detail);
}
