namespace OutcomeLedger.Cli.Commands.Monitor;

/// <summary>
/// One new entry in a <c>--json</c> line, exact: figures as the decimal strings the ledger holds, the indexes of the
/// value it supersedes or attests. Members that do not apply to the entry are left out.
/// </summary>
internal sealed record MonitorEntryJson(
    ulong Index,
    string Kind,
    string Author,
    string Action,
    string? Indicator,
    string? Period,
    string? Value,
    string? Unit,
    ulong? Supersedes,
    string? Superseded,
    ulong? Measurement,
    string? Verdict);
