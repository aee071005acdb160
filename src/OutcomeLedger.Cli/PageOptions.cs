using System.CommandLine;
using System.Globalization;
using OutcomeLedger.Core.Sessions;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Cli;

/// <summary>--offset and --limit of a list command: a list shows one page, never the whole ledger at once.</summary>
internal sealed class PageOptions
{
    public Option<int> Offset { get; } = new("--offset") { Description = "Skip this many items (to see the next page)", DefaultValueFactory = _ => 0 };

    // The API's default page (100): a point command draws and proves one page, so its cost stays flat as the ledger
    // grows (docs/benchmarks.md: at 500 rows `indicator show` spent most of its time drawing and proving them).
    public Option<int> Limit { get; } = new("--limit") { Description = $"Show at most this many items (1 to {Core.Sessions.Paging.MaxLimit}; default {Core.Sessions.Paging.DefaultLimit})", DefaultValueFactory = _ => Core.Sessions.Paging.DefaultLimit };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Offset);
        command.Options.Add(Limit);
    }

    public Paging PageOf(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new Paging(parse.GetValue(Offset), parse.GetValue(Limit));
    }

    /// <summary>One line under a table that does not show every item: which ones it shows and how to see the rest.</summary>
    public static void WriteFooter<T>(CommandContext context, Page<T> page, TextCatalogue? text = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(page);
        text ??= TextCatalogue.English;
        if (page.Offset > 0 || page.Offset + page.Items.Count < page.Total)
        {
            var next = page.Offset + page.Items.Count;
            static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);
            var line = TextCatalogue.Fill(text.ShowingPage, ("first", Number(page.Offset + 1)), ("last", Number(next)), ("total", Number(page.Total)));
            context.Output.WriteLine(next < page.Total
                ? line + " " + TextCatalogue.Fill(text.NextPage, ("option", "--offset"), ("next", Number(next)), ("limit", "--limit"), ("max", Number(Core.Sessions.Paging.MaxLimit)))
                : line);
        }
    }
}
