using System.CommandLine;
using Spectre.Console;

namespace OutcomeLedger.Cli.Commands.Commitment;

/// <summary><c>outcomes commitment list</c>: commitments with their agreement, responsible parties, dates and indicators.</summary>
internal static class ListCommand
{
    public static Command Create()
    {
        var agreement = new Option<string?>("--agreement") { Description = "Only this agreement's commitments" };
        var command = new Command("list", "List commitments") { agreement };
        CommandAction.Set(command, async (context, ct) =>
        {
            await using var ledger = await context.OpenLedgerAsync(ct);
            var (state, _) = await ledger.LoadStateAsync(null, ct);
            var only = context.Parse.GetValue(agreement);
            var commitments = state.Commitments.Values
                .Where(c => only is null || c.Record.Agreement.Value == only)
                .OrderBy(c => c.Index)
                .ToList();
            List<string> Indicators(Core.Ledger.CommitmentId id) =>
                [.. state.Indicators.Values.Where(i => i.Record.Commitment == id).OrderBy(i => i.Index).Select(i => i.Record.Id.Value)];
            if (context.Json)
            {
                context.WriteJson(commitments.Select(c => new { entry = c.Index, commitment = c.Record, indicators = Indicators(c.Record.Id) }));
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("Commitment", "Agreement", "Responsible", "Made on", "Due", "Indicators", "Text", "Entry");
            foreach (var c in commitments)
            {
                table.AddRow(
                    Markup.Escape(c.Record.Id.Value), Markup.Escape(c.Record.Agreement.Value), Markup.Escape(string.Join(", ", c.Record.ResponsibleParties)),
                    ValueOptions.Format(c.Record.MadeOn), c.Record.DueDate is { } due ? ValueOptions.Format(due) : "open",
                    Markup.Escape(string.Join(", ", Indicators(c.Record.Id))), Markup.Escape(c.Record.Text), ValueOptions.Format(c.Index));
            }

            TableOutput.Write(context, table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
