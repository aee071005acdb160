using System.CommandLine;
using Spectre.Console;

namespace OutcomeLedger.Cli.Commands.Agreement;

/// <summary><c>outcomes agreement list</c>: agreements with their parties and commitments.</summary>
internal static class ListCommand
{
    public static Command Create()
    {
        var command = new Command("list", "List agreements");
        CommandAction.Set(command, async (context, ct) =>
        {
            await using var ledger = await context.OpenLedgerAsync(ct);
            var (state, _) = await ledger.LoadStateAsync(null, ct);
            var agreements = state.Agreements.Values.OrderBy(a => a.Index).ToList();
            int Commitments(Core.Ledger.AgreementId id) => state.Commitments.Values.Count(c => c.Record.Agreement == id);
            if (context.Json)
            {
                context.WriteJson(agreements.Select(a => new
                {
                    entry = a.Index,
                    agreement = a.Record,
                    commitments = Commitments(a.Record.Id),
                    policyEntry = state.Policies.TryGetValue(a.Record.Id, out var p) ? p.Index : (ulong?)null,
                }));
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("Agreement", "Title", "Parties", "Commitments", "Policy", "Entry");
            foreach (var a in agreements)
            {
                table.AddRow(
                    Markup.Escape(a.Record.Id.Value), Markup.Escape(a.Record.Title), Markup.Escape(string.Join(", ", a.Record.Parties)),
                    Commitments(a.Record.Id).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    state.Policies.TryGetValue(a.Record.Id, out var policy) ? $"entry {ValueOptions.Format(policy.Index)}" : "default",
                    ValueOptions.Format(a.Index));
            }

            TableOutput.Write(context, table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
