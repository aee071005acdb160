using System.CommandLine;
using System.Globalization;
using OutcomeLedger.Cli.Commands.Evaluate;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Cli.Commands.Scorecard;

/// <summary><c>outcomes scorecard --format json|md|html --out &lt;file&gt;</c>: the scorecard at a checkpoint.</summary>
internal static class ScorecardCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "json (the reproducible record), md or html (rendered from the JSON)", DefaultValueFactory = _ => "html" };
        var output = new Option<string>("--out") { Description = "File to write, or - for standard output", Required = true, HelpName = "file" };
        var window = ChartWindowOption.Create();
        var command = new Command("scorecard", "Write the scorecard of an agreement at a checkpoint")
        {
            format, output, window, EvaluateCommand.Agreement, EvaluateCommand.At, EvaluateCommand.AsOf,
        };
        Examples.Add(command,
            "outcomes scorecard --format html --out scorecard.html --ledger ./outcomes-demo",
            "outcomes scorecard --format json --out scorecard.json --at 200 --ledger ./outcomes-demo",
            "outcomes scorecard --format md --lang es --out tarjeta.md --ledger ./outcomes-demo",
            "outcomes scorecard --format html --chart-window full --out history.html --ledger ./outcomes-demo",
            "outcomes scorecard --format json --out - --ledger ./outcomes-demo | jq .commitments");
        CommandAction.Set(command, async (context, ct) =>
        {
            var kind = context.Parse.GetRequiredValue(format);
            var language = context.Language;
            if (ChartWindowOption.Given(context.Parse, window) && kind != "html")
            {
                // Only the HTML page draws charts: a window asked for elsewhere would silently change nothing.
                throw CliError.Usage($"--chart-window: the {kind} scorecard has no charts; use --format html");
            }

            var (scorecard, _) = await EvaluateCommand.LoadAsync(context, ct);
            var bytes = ScorecardFiles.Render(scorecard, kind, language, ChartWindowOption.Of(context.Parse, window));
            var path = context.Parse.GetRequiredValue(output);
            if (OutputFile.IsStandardOutput(path))
            {
                await OutputFile.WriteToStandardOutputAsync(context, bytes, ct);
                return ExitCodes.Ok;
            }

            await File.WriteAllBytesAsync(path, bytes, ct);
            if (context.Json)
            {
                context.WriteJson(new ScorecardWritten(Path.GetFullPath(path), kind, scorecard.Checkpoint.Size, scorecard.Checkpoint.RootHash), CliJsonContext.Output.ScorecardWritten);
            }
            else
            {
                context.Output.WriteLine(TextCatalogue.Fill(
                    TextCatalogue.For(language).Wrote,
                    ("file", Path.GetFullPath(path)),
                    ("format", kind),
                    ("size", scorecard.Checkpoint.Size.ToString(CultureInfo.InvariantCulture))));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
