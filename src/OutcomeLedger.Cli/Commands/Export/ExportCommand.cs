using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using OutcomeLedger.Cli.Commands.Evaluate;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Reports;
using OutcomeLedger.Core.Sessions;
using OutcomeLedger.Core.Text;
using OutcomeLedger.Export;

namespace OutcomeLedger.Cli.Commands.Export;

/// <summary>
/// <c>outcomes export --format xlsx|csv --out file|folder [--at size]</c>: an agreement's data as spreadsheets, a summary
/// and one sheet (or CSV file) per indicator, at a checkpoint (<see cref="LedgerSession.ExportAsync"/>).
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "xlsx (one workbook) or csv (a folder of files: summary and one per indicator)", DefaultValueFactory = _ => "xlsx", HelpName = "xlsx|csv" };
        format.AcceptOnlyFromAmong("xlsx", "csv");
        var output = new Option<string>("--out") { Description = "The xlsx file, or the folder of CSV files, to write", Required = true, HelpName = "file|folder" };
        var command = new Command("export", "Write an agreement's data as spreadsheets: every commitment's rating, and every value of every indicator with its status, attestations and log entry")
        {
            format, output, EvaluateCommand.Agreement, EvaluateCommand.At,
        };
        Examples.Add(command,
            "outcomes export --format xlsx --out export.xlsx --ledger ./outcomes-demo",
            "outcomes export --format csv --out export-csv --lang es --at 200 --ledger ./outcomes-demo");
        CommandAction.Set(command, async (context, ct) =>
        {
            var kind = context.Parse.GetRequiredValue(format);
            var path = Path.GetFullPath(context.Parse.GetRequiredValue(output));
            ExportWorkbook workbook;
            await using (var ledger = await context.OpenLedgerAsync(ct))
            {
                var request = new ExportRequest
                {
                    Agreement = new AgreementId(context.Parse.GetRequiredValue(EvaluateCommand.Agreement)),
                    At = context.Parse.GetValue(EvaluateCommand.At),
                    Language = context.Language,
                };
                try
                {
                    workbook = await ledger.Session.ExportAsync(request, ct);
                }
                catch (LedgerRequestException e) when (e.Errors is [{ Field: "at" or "agreement" } error])
                {
                    throw CliError.Usage(error.Field is "agreement" ? error.Message : $"--{error.Field}: " + error.Message);
                }
            }

            var files = new List<string>();
            if (kind == "xlsx")
            {
                await OutputFile.WriteAsync(path, XlsxExport.Write(workbook), "--out", ct);
                files.Add(path);
            }
            else
            {
                var written = workbook.Sheets.Select(s => (CsvExport.FileName(s), (ReadOnlyMemory<byte>)CsvExport.Write(s))).ToList();
                await OutputFolder.WriteAsync(path, written, "--out", ct);
                files.AddRange(written.Select(w => Path.Combine(path, w.Item1)));
            }

            if (context.Json)
            {
                var result = new ExportResult(path, kind, workbook.CheckpointSize, workbook.RootHash, [.. workbook.Sheets.Select(s => s.Name)], files);
                context.Output.WriteLine(JsonSerializer.Serialize(result, ExportJson.Default.ExportResult));
            }
            else
            {
                context.Output.WriteLine(TextCatalogue.Fill(
                    context.Text.Wrote,
                    ("file", path),
                    ("format", kind),
                    ("size", workbook.CheckpointSize.ToString(CultureInfo.InvariantCulture))));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
