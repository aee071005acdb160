using System.CommandLine;
using OutcomeLedger.Core.Sessions;
using OutcomeLedger.Core.Transparency.Tiles;
using OutcomeLedger.Storage;

namespace OutcomeLedger.Cli;

/// <summary>Runs a command body and turns expected failures into one line on stderr and an exit code.</summary>
internal static class CommandAction
{
    public static void Set(Command command, Func<CommandContext, CancellationToken, Task<int>> body)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = new CommandContext(parse);
            try
            {
                return await body(context, cancellationToken);
            }
            catch (CliError e)
            {
                await context.Error.WriteLineAsync("error: " + e.Message);
                return e.ExitCode;
            }
            catch (LedgerRequestException e)
            {
                await context.Error.WriteLineAsync("error: " + e.Message);
                return e.Error == LedgerError.Invalid ? ExitCodes.Usage : ExitCodes.CheckFailed;
            }
            catch (LogMismatchException e)
            {
                // The stored log does not match its signed checkpoint: nothing is shown from it.
                await context.Error.WriteLineAsync("error: " + e.Message);
                return ExitCodes.CheckFailed;
            }
            catch (OperationCanceledException)
            {
                await context.Error.WriteLineAsync("cancelled");
                return ExitCodes.Environment;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException || StoreFailures.IsStoreFailure(e))
            {
                await context.Error.WriteLineAsync("error: " + e.Message);
                return ExitCodes.Environment;
            }
            catch (InvalidDataException e)
            {
                await context.Error.WriteLineAsync("error: " + e.Message);
                return ExitCodes.CheckFailed;
            }
            catch (Exception e) when (System.Environment.GetEnvironmentVariable("OUTCOMES_DEBUG") != "1")
            {
                // A bug, not an expected failure: still one line; OUTCOMES_DEBUG=1 shows the stack trace.
                await context.Error.WriteLineAsync($"internal error ({e.GetType().Name}): {e.Message} (set OUTCOMES_DEBUG=1 for details)");
                return ExitCodes.CheckFailed;
            }
        });
    }
}
