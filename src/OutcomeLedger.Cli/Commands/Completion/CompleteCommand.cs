using System.CommandLine;

namespace OutcomeLedger.Cli.Commands.Completion;

/// <summary>
/// <c>outcomes __complete &lt;position&gt; &lt;line&gt;</c> (hidden): the completions, one a line, for the word at
/// <c>position</c> of a command line as the shell holds it (the program's own name first), from System.CommandLine's
/// completion of the real command tree. What the completion scripts of <see cref="CompletionCommand"/> call.
/// </summary>
internal static class CompleteCommand
{
    public static Command Create()
    {
        var position = new Argument<int>("position") { Description = "The cursor's offset in the line" };
        var line = new Argument<string>("line") { Description = "The command line, starting with the program's name" };
        var command = new Command("__complete", "Completions for a command line (used by the completion scripts)") { position, line };
        command.Hidden = true;
        command.SetAction(parse =>
        {
            foreach (var completion in Complete(parse.GetRequiredValue(line), parse.GetValue(position)))
            {
                parse.InvocationConfiguration.Output.WriteLine(completion);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The completions at <paramref name="position"/> of <paramref name="line"/>, whose first word is the program.</summary>
    internal static IReadOnlyList<string> Complete(string line, int position)
    {
        ArgumentNullException.ThrowIfNull(line);
        position = Math.Clamp(position, 0, line.Length);
        var start = line.AsSpan().TrimStart();
        var skipped = line.Length - start.Length;
        var program = start.IndexOfAny(' ', '\t');
        if (program < 0)
        {
            return [];
        }

        var cut = skipped + program + 1;
        var rest = line[cut..];
        var at = Math.Max(0, position - cut);
        at = Math.Min(at, rest.Length);

        // System.CommandLine offers every word that contains the typed text; a shell completes words that start with it.
        var typed = rest[(rest.AsSpan(0, at).LastIndexOfAny(' ', '\t') + 1)..at];
        return [.. Program.BuildRoot().Parse(rest).GetCompletions(at)
            .Select(c => c.Label)
            .Where(l => l.StartsWith(typed, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)];
    }
}
