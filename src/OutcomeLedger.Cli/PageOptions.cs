using System.CommandLine;
using System.Globalization;
using OutcomeLedger.Core.Sessions;

namespace OutcomeLedger.Cli;

/// <summary>--offset and --limit of a list command: a list shows one page, never the whole ledger at once.</summary>
internal sealed class PageOptions
{
    public Option<int> Offset { get; } = new("--offset") { Description = "Skip this many items (to see the next page)", DefaultValueFactory = _ => 0 };

    public Option<int> Limit { get; } = new("--limit") { Description = $"Show at most this many items (1 to {Core.Sessions.Paging.MaxLimit})", DefaultValueFactory = _ => Core.Sessions.Paging.MaxLimit };

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
    public static void WriteFooter<T>(CommandContext context, Page<T> page)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(page);
        if (page.Offset > 0 || page.Offset + page.Items.Count < page.Total)
        {
            var next = page.Offset + page.Items.Count;
            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Showing {page.Offset + 1}–{next} of {page.Total}") +
                (next < page.Total ? string.Create(CultureInfo.InvariantCulture, $"; --offset {next} shows the next ones.") : "."));
        }
    }
}
