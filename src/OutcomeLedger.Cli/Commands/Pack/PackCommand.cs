using System.CommandLine;
using System.Globalization;
using OutcomeLedger.Cli.Commands.Evaluate;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Sessions;
using OutcomeLedger.Core.Text;
using OutcomeLedger.Pack;

namespace OutcomeLedger.Cli.Commands.Pack;

/// <summary>
/// <c>outcomes pack --out pack.pdf [--since size|date] [--title …] [--paper a4|letter]</c>: the ministerial pack, a PDF
/// of the scorecard at a checkpoint with what changed since an earlier one (<see cref="LedgerSession.PackAsync"/>).
/// </summary>
internal static class PackCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "The PDF file to write, or - for standard output", Required = true, HelpName = "file" };
        var since = new Option<string?>("--since") { Description = "Say what changed since this checkpoint: its size, or a date (yyyy-MM-dd: the latest checkpoint logged that day or before)", HelpName = "size|date" };
        var title = new Option<string?>("--title") { Description = "The pack's title (default: the agreement's)", HelpName = "text" };
        var paper = new Option<string>("--paper") { Description = "a4 or letter", DefaultValueFactory = _ => "a4", HelpName = "a4|letter" };
        paper.AcceptOnlyFromAmong("a4", "letter");
        var window = ChartWindowOption.Create();
        var command = new Command("pack", "Write the ministerial pack: a PDF of every commitment's rating, statements, charts, figures and disputes, and how to verify them")
        {
            output, since, title, paper, window, EvaluateCommand.Agreement, EvaluateCommand.At,
        };
        Examples.Add(command,
            "outcomes pack --out pack.pdf --ledger ./outcomes-demo",
            "outcomes pack --out paquete.pdf --lang es --since 2026-02-01 --title \"SIG, febrero de 2026\" --paper letter --ledger ./outcomes-demo",
            "outcomes pack --out history.pdf --chart-window full --ledger ./outcomes-demo");
        CommandAction.Set(command, async (context, ct) =>
        {
            var path = context.Parse.GetRequiredValue(output);
            var language = context.Language;
            byte[] pdf;
            ulong size;
            await using (var ledger = await context.OpenLedgerAsync(ct))
            {
                var request = new PackRequest
                {
                    Agreement = new AgreementId(context.Parse.GetRequiredValue(EvaluateCommand.Agreement)),
                    At = context.Parse.GetValue(EvaluateCommand.At),
                    Since = context.Parse.GetValue(since),
                    Title = context.Parse.GetValue(title),
                    Language = language,
                    ChartWindow = ChartWindowOption.Of(context.Parse, window),
                };
                Core.Reports.PackDocument document;
                try
                {
                    document = await ledger.Session.PackAsync(request, ct);
                }
                catch (LedgerRequestException e) when (e.Errors is [{ Field: "at" or "since" or "agreement" } error])
                {
                    throw CliError.Usage(error.Field is "agreement" ? error.Message : $"--{error.Field}: " + error.Message);
                }

                size = request.At ?? (await ledger.Session.LatestCheckpointAsync(ct))!.Size;
                pdf = PackPdf.Render(document, context.Parse.GetRequiredValue(paper) == "letter" ? PackPaper.Letter : PackPaper.A4);
            }

            if (OutputFile.IsStandardOutput(path))
            {
                await OutputFile.WriteToStandardOutputAsync(context, pdf, ct);
                return ExitCodes.Ok;
            }

            await OutputFile.WriteAsync(path, pdf, "--out", ct);
            if (context.Json)
            {
                context.WriteJson(new PackWritten(Path.GetFullPath(path), "pdf", size, pdf.Length), CliJsonContext.Output.PackWritten);
            }
            else
            {
                context.Output.WriteLine(TextCatalogue.Fill(
                    TextCatalogue.For(language).Wrote,
                    ("file", Path.GetFullPath(path)),
                    ("format", "pdf"),
                    ("size", size.ToString(CultureInfo.InvariantCulture))));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
