using System.CommandLine;
using OutcomeLedger.Cli.Commands.Measure;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Sessions;
using OutcomeLedger.Core.Text;

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
                context.WriteJson(Json(queue));
                return ExitCodes.Ok;
            }

            var text = context.Text;
            var checkpoint = queue.Checkpoint is { } c ? ValueOptions.Format(c.Size) : "0";
            if (queue.Groups.Count == 0)
            {
                context.Output.WriteLine(TextCatalogue.Fill(text.ReviewEmpty, ("party", party.Value), ("checkpoint", checkpoint)));
                return ExitCodes.Ok;
            }

            context.Output.WriteLine(TextCatalogue.Fill(
                text.ReviewHeading,
                ("party", party.Value),
                ("checkpoint", checkpoint),
                ("values", text.ValuesCount.Of(queue.Count)),
                ("indicators", text.IndicatorsCount.Of(queue.Groups.Select(g => g.Indicator.Id).Distinct().Count()))));
            foreach (var group in queue.Groups)
            {
                context.Output.WriteLine();
                context.Output.WriteLine(TextCatalogue.Fill(
                    text.ReviewGroupHeading,
                    ("indicator", group.Indicator.Id.Value),
                    ("name", group.Indicator.Name),
                    ("reporter", group.Values[0].Record.Author.Value),
                    ("from", group.From.ToString()),
                    ("to", group.To.ToString()),
                    ("values", text.ValuesCount.Of(group.Values.Count))));
                TableOutput.Write(context, MeasurementStatus.Table(group.Values, group.Indicator.Unit, text));
                context.Output.WriteLine(TextCatalogue.Fill(text.ReviewSources, ("sources", string.Join("; ", group.Sources.Select(Describe)))));
                context.Output.WriteLine(Effect(group.Effect, party, text));
                context.Output.WriteLine(text.ReviewToAcknowledge);
                context.Output.WriteLine($"  outcomes attest --indicator {group.Indicator.Id} --from {group.From} --to {group.To} --verdict acknowledged --as {party} --key {party}.key");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    static string Describe(MeasurementSource source) =>
        string.Join(", ", new[] { source.Dataset, source.FileName, source.Url }.Where(s => !string.IsNullOrEmpty(s)));

    static string Effect(ReviewEffect effect, PartyId party, TextCatalogue text)
    {
        (string Name, string Value)[] values =
        [
            ("values", text.ValuesCount.Of(effect.Values)),
            ("party", party.Value),
            ("commitment", effect.Commitment.Value),
            ("before", text.RatingName(effect.Before)),
            ("after", text.RatingName(effect.After)),
        ];
        var template = effect.MakesAssessable ? text.ReviewMakesAssessable : effect.Before != effect.After ? text.ReviewChangesRating : text.ReviewLeavesRating;
        return TextCatalogue.Fill(template, values);
    }

    static object Json(ReviewQueue queue) => new
    {
        party = queue.Party.Value,
        checkpoint = queue.Checkpoint?.Size,
        count = queue.Count,
        groups = queue.Groups.Select(g => new
        {
            indicator = g.Indicator.Id.Value,
            commitment = g.Indicator.Commitment.Value,
            from = g.From.ToString(),
            to = g.To.ToString(),
            values = g.Values.Select(MeasurementStatus.Json),
            sources = g.Sources,
            effect = new { commitment = g.Effect.Commitment.Value, values = g.Effect.Values, before = g.Effect.Before, after = g.Effect.After, makesAssessable = g.Effect.MakesAssessable },
        }),
    };
}
