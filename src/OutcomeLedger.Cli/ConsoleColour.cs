namespace OutcomeLedger.Cli;

/// <summary>
/// Whether tables may use colour: only on a terminal, and never when <c>NO_COLOR</c> is set to anything
/// (no-color.org) or the terminal says it is <c>dumb</c>. Files, pipes and tests always get plain text.
/// </summary>
internal static class ConsoleColour
{
    public static bool Enabled(bool terminal, string? noColor, string? term) =>
        terminal && string.IsNullOrEmpty(noColor) && !string.Equals(term, "dumb", StringComparison.Ordinal);

    /// <summary>For this process writing to <paramref name="output"/>.</summary>
    public static bool Enabled(TextWriter output) => Enabled(
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected,
        Environment.GetEnvironmentVariable("NO_COLOR"),
        Environment.GetEnvironmentVariable("TERM"));
}
