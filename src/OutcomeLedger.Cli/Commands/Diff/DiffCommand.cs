using System.CommandLine;
using OutcomeLedger.Core.Reports;
using OutcomeLedger.Core.Sessions;
using Spectre.Console;

namespace OutcomeLedger.Cli.Commands.Diff;

/// <summary>
/// <c>outcomes diff --from size|date [--to size|date]</c>: what changed between two checkpoints, the later proven to
/// extend the earlier (<see cref="LedgerSession.DiffAsync(DiffRequest, CancellationToken)"/>): the entries logged in
/// between and the ratings that changed, as tables (TSV when not on a terminal) or JSON.
/// </summary>
internal static class DiffCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "The earlier checkpoint: its size, or a date (yyyy-MM-dd: the latest checkpoint logged that day or before)", Required = true, HelpName = "size|date" };
        var to = new Option<string?>("--to") { Description = "The later checkpoint, as --from (default: the latest)", HelpName = "size|date" };
        var command = TableOutput.WithFormat(new Command("diff", "Show what changed between two checkpoints: statements, commitments, terms, values, disputes and ratings, with the consistency proof checked")
        {
            from, to,
        });
        Examples.Add(command,
            "outcomes diff --from 24 --ledger ./outcomes-demo",
            "outcomes diff --from 2026-02-01 --to 2026-03-01 --lang es --ledger ./outcomes-demo");
        CommandAction.Set(command, async (context, ct) =>
        {
            await using var ledger = await context.OpenLedgerAsync(ct);
            var request = new DiffRequest { From = context.Parse.GetRequiredValue(from), To = context.Parse.GetValue(to), Language = context.Language };
            LedgerDiff diff;
            try
            {
                diff = await ledger.Session.DiffAsync(request, ct);
            }
            catch (LedgerRequestException e) when (e.Errors is [{ Field: "from" or "to" } error])
            {
                throw CliError.Usage($"--{error.Field}: " + error.Message);
            }

            if (context.Json)
            {
                context.Output.WriteLine(LedgerDiffJson.Serialize(diff));
                return ExitCodes.Ok;
            }

            Write(context, diff);
            return ExitCodes.Ok;
        });
        return command;
    }

    static void Write(CommandContext context, LedgerDiff diff)
    {
        var t = context.Text;
        var d = t.Diff;
        // As TSV the output is the tables alone (a blank line between them); the sentences go to standard error.
        var prose = TableOutput.IsTsv(context) ? context.Error : context.Output;
        prose.WriteLine(LedgerDiffText.Between(diff, t));
        prose.WriteLine(LedgerDiffText.Consistent(diff, t));
        var changes = new Table().AddColumns(new[] { t.EntryHeading, d.Change, d.Subject, d.By, d.Detail }.Select(Markup.Escape).ToArray());
        foreach (var c in diff.Changes)
        {
            changes.AddRow(ValueOptions.Format(c.Entry), Markup.Escape(LedgerDiffText.Kind(c.Kind, t)), Markup.Escape(c.Subject), Markup.Escape(c.Author), Markup.Escape(LedgerDiffText.Detail(c, t)));
        }

        if (diff.Changes.Count == 0)
        {
            prose.WriteLine(d.NoChanges);
        }

        TableOutput.Write(context, changes);
        if (diff.OtherEntries > 0)
        {
            prose.WriteLine(d.OtherEntries.Of(diff.OtherEntries));
        }

        prose.WriteLine();
        prose.WriteLine(d.RatingsHeading);
        var ratings = new Table().AddColumns(new[] { t.Commitment, d.Before, d.Now, t.Reason }.Select(Markup.Escape).ToArray());
        foreach (var r in diff.Ratings)
        {
            ratings.AddRow(
                Markup.Escape(r.Commitment),
                Markup.Escape(LedgerDiffText.Rating(r.From, r.FindingFrom, t)),
                Markup.Escape(LedgerDiffText.Rating(r.To, r.FindingTo, t)),
                Markup.Escape(r.Reason));
        }

        if (diff.Ratings.Count == 0)
        {
            prose.WriteLine(d.NoRatingChanges);
        }

        if (TableOutput.IsTsv(context))
        {
            context.Output.WriteLine();
        }

        TableOutput.Write(context, ratings);
    }
}
