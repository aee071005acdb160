using System.CommandLine;
using OutcomeLedger.Cli.Commands.Measure;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Sessions;

namespace OutcomeLedger.Cli.Commands.Review;

/// <summary>
/// <c>outcomes review --as mx</c>: what awaits a party's attestation (<see cref="LedgerSession.ReviewQueueAsync"/>), newest
/// first, by indicator and run of periods, with the figures, their sources, what acknowledging them would do to the
/// commitment's rating, and the one command that acknowledges each group.
/// </summary>
internal static class ReviewCommand
{
    public static Command Create()
    {
        var author = new Option<string>("--as") { Description = "The party or verifier whose queue to list", Required = true, HelpName = "party" };
        var command = new Command("review", "List the values awaiting a party's attestation, with what acknowledging them would change") { author };
        command.Options.Add(TableOutput.Format);
        Examples.Add(command, "outcomes review --as mx", "outcomes review --as mx --json");
        CommandAction.Set(command, async (context, ct) =>
        {
            await using var ledger = await context.OpenLedgerAsync(ct);
            var party = new PartyId(context.Parse.GetRequiredValue(author));
            var queue = await ledger.Session.ReviewQueueAsync(party, ct);
            if (context.Json)
            {
                context.WriteJson(Json(queue), CliJsonContext.Output.ReviewQueueJson);
                return ExitCodes.Ok;
            }

            var text = context.Text;
            context.Output.WriteLine(queue.Summary(text));
            foreach (var group in queue.Groups)
            {
                context.Output.WriteLine();
                context.Output.WriteLine(group.Heading(text));
                TableOutput.Write(context, MeasurementStatus.Table(group.Values, group.Indicator.Unit, text));
                context.Output.WriteLine(group.SourcesLine(text));
                context.Output.WriteLine(group.Effect.Sentence(text, party));
                context.Output.WriteLine(text.ReviewToAcknowledge);
                context.Output.WriteLine($"  outcomes attest --indicator {group.Indicator.Id} --from {group.From} --to {group.To} --verdict acknowledged --as {party} --key {party}.key");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    static ReviewQueueJson Json(ReviewQueue queue) => new(
        queue.Party.Value,
        queue.Checkpoint?.Size,
        queue.Count,
        queue.Groups.Select(g => new ReviewGroupJson(
            g.Indicator.Id.Value,
            g.Indicator.Commitment.Value,
            g.From.ToString(),
            g.To.ToString(),
            g.Values.Select(MeasurementStatus.Json),
            g.Sources,
            new ReviewEffectJson(g.Effect.Commitment.Value, g.Effect.Values, g.Effect.Before, g.Effect.After, g.Effect.MakesAssessable))));
}
