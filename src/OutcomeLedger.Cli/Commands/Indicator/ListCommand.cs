using System.CommandLine;
using System.Globalization;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Sessions;
using Spectre.Console;

namespace OutcomeLedger.Cli.Commands.Indicator;

/// <summary><c>outcomes indicator list</c>: indicators with their commitment, unit, reporter and number of current values.</summary>
internal static class ListCommand
{
    public static Command Create()
    {
        var commitment = new Option<string?>("--commitment") { Description = "Only this commitment's indicators" };
        var paging = new PageOptions();
        var command = new Command("list", "List indicators") { commitment };
        command.Options.Add(TableOutput.Format);
        paging.AddTo(command);
        CommandAction.Set(command, async (context, ct) =>
        {
            await using var ledger = await context.OpenLedgerAsync(ct);
            var only = context.Parse.GetValue(commitment);
            var page = await ledger.Session.ListIndicatorsAsync(only is null ? null : new CommitmentId(only), paging.PageOf(context.Parse), ct);
            var indicators = page.Items;
            var values = new Dictionary<IndicatorId, long>();
            foreach (var i in indicators)
            {
                values[i.Record.Id] = (await ledger.Session.ListMeasurementsAsync(new MeasurementQuery { Indicator = i.Record.Id }, Paging.First(1), ct)).Total;
            }

            long Values(IndicatorId id) => values[id];
            if (context.Json)
            {
                context.WriteJson(indicators.Select(i => new { entry = i.Index, indicator = i.Record, currentValues = Values(i.Record.Id) }));
                return ExitCodes.Ok;
            }

            var text = context.Text;
            var table = new Table().AddColumns(
                new[] { text.Indicator, text.Commitment, text.Name, text.Unit, text.Direction, text.Period, text.Reporter, Capitalised(text.Values), text.EntryHeading }
                    .Select(Markup.Escape).ToArray());
            foreach (var i in indicators)
            {
                var r = i.Record;
                table.AddRow(
                    Markup.Escape(r.Id.Value), Markup.Escape(r.Commitment.Value), Markup.Escape(r.Name), Markup.Escape(r.Unit),
                    ValueOptions.Name(r.Direction), ValueOptions.Name(r.PeriodType), Markup.Escape(r.Reporter.Value),
                    Values(r.Id).ToString(CultureInfo.InvariantCulture), ValueOptions.Format(i.Index));
            }

            TableOutput.Write(context, table);
            PageOptions.WriteFooter(context, page, text);
            return ExitCodes.Ok;
        });
        return command;
    }

    static string Capitalised(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];
}
