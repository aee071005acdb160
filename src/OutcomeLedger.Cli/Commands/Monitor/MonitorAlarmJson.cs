namespace OutcomeLedger.Cli.Commands.Monitor;

/// <summary>The <c>--json</c> line of a failed round: what failed, why, and where the evidence was saved.</summary>
internal sealed record MonitorAlarmJson(string Event, string Failure, string Message, string Evidence);
