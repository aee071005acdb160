namespace OutcomeLedger.Cli.Commands.Monitor;

/// <summary>One run of entries as the plain-words report groups them, by the entries' indexes, in a <c>--json</c> line.</summary>
internal sealed record MonitorGroupJson(
    string Action,
    string Author,
    string Kind,
    string? Indicator,
    string? Verdict,
    IReadOnlyList<ulong> Entries,
    IReadOnlyList<string> Periods);
