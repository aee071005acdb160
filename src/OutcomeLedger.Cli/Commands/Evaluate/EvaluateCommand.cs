using System.CommandLine;
using System.Globalization;
using OutcomeLedger.Core.Evaluation;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Sessions;
using OutcomeLedger.Core.Text;
using Spectre.Console;

namespace OutcomeLedger.Cli.Commands.Evaluate;

/// <summary><c>outcomes evaluate</c>: the ratings of an agreement's commitments and indicators at a checkpoint.</summary>
internal static class EvaluateCommand
{
    public static readonly Option<string> Agreement = new("--agreement") { Description = "The agreement to evaluate", DefaultValueFactory = _ => "us-mx-security" };
    public static readonly Option<ulong?> At = new("--at") { Description = "Evaluate at this checkpoint size (default: the latest)", HelpName = "size" };
    public static readonly Option<DateOnly?> AsOf = ValueOptions.Date("--as-of", "Rate as of this date, no later than the checkpoint's log time (default: the log time)");

    public static Command Create()
    {
        var command = new Command("evaluate", "Rate every commitment of an agreement by its measured results") { Agreement, At, AsOf };
        command.Options.Add(TableOutput.Format);
        Examples.Add(command, "outcomes evaluate --ledger ./outcomes-demo", "outcomes evaluate --at 200 --lang es --ledger ./outcomes-demo");
        CommandAction.Set(command, async (context, ct) =>
        {
            var (scorecard, _) = await LoadAsync(context, ct);
            var text = context.Text;
            if (context.Json)
            {
                context.WriteJson(new
                {
                    checkpoint = new { scorecard.Checkpoint.Origin, scorecard.Checkpoint.Size, scorecard.Checkpoint.RootHash },
                    commitments = scorecard.Commitments.Select(c => new
                    {
                        id = c.Id,
                        rating = RatingCode.Of(c.Rating),
                        finding = RatingCode.Of(c.Finding ?? c.Rating),
                        confirmation = c.Confirmation,
                        needs = text.Needs(c.Needs, AxisSentence.NamesIn(c)),
                        reason = text.Sentence(c.Reason),
                        indicators = c.Indicators.Select(i => new
                        {
                            id = i.Id,
                            rating = RatingCode.Of(i.Rating),
                            finding = RatingCode.Of(i.Finding ?? i.Rating),
                            confirmation = i.Confirmation,
                            needs = text.Needs(i.Needs, n => n.Subject),
                            reason = text.Sentence(i.Reason),
                        }),
                    }),
                });
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns(
                Markup.Escape(text.CommitmentOrIndicator),
                Markup.Escape(text.Rating),
                Markup.Escape(text.DataSays),
                Markup.Escape(text.ConfirmedAxis),
                Markup.Escape(text.StillNeeds),
                Markup.Escape(text.Reason));
            foreach (var commitment in scorecard.Commitments)
            {
                table.AddRow(
                    new Markup("[bold]" + Markup.Escape(commitment.Id) + "[/]"),
                    new Text(text.RatingName(commitment.Rating)),
                    new Text(text.RatingName(commitment.Finding ?? commitment.Rating)),
                    new Text(commitment.Confirmation is { } confirmation ? text.Confirmation(confirmation) : ""),
                    new Text(text.Needs(commitment.Needs, AxisSentence.NamesIn(commitment))),
                    new Text(text.Sentence(commitment.Reason)));
                foreach (var indicator in commitment.Indicators)
                {
                    table.AddRow(
                        new Text("  " + indicator.Id),
                        new Text(text.RatingName(indicator.Rating)),
                        new Text(text.RatingName(indicator.Finding ?? indicator.Rating)),
                        new Text(indicator.Confirmation is { } share ? text.Confirmation(share) : ""),
                        new Text(text.Needs(indicator.Needs, n => n.Subject)),
                        new Text(text.Sentence(indicator.Reason)));
                }
            }

            TableOutput.Write(context, table);
            context.Output.WriteLine(TextCatalogue.Fill(
                text.AtCheckpointLine,
                ("origin", scorecard.Checkpoint.Origin),
                ("size", scorecard.Checkpoint.Size.ToString(CultureInfo.InvariantCulture)),
                ("root", scorecard.Checkpoint.RootHash)));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The scorecard of --agreement at --at (or the latest checkpoint), from a proven replay of the log.</summary>
    internal static async Task<(Core.Scorecards.Scorecard Scorecard, string Origin)> LoadAsync(CommandContext context, CancellationToken cancellationToken)
    {
        await using var ledger = await context.OpenLedgerAsync(cancellationToken);
        var agreement = new AgreementId(context.Parse.GetRequiredValue(Agreement));
        try
        {
            return (await ledger.Session.EvaluateAsync(agreement, context.Parse.GetValue(At), context.Parse.GetValue(AsOf), cancellationToken), ledger.Origin);
        }
        catch (LedgerRequestException e) when (e.Errors is [{ Field: "at" or "as-of" or "agreement" } error])
        {
            throw CliError.Usage(error.Field is "at" or "as-of" ? $"--{error.Field}: " + error.Message : error.Message);
        }
    }
}
