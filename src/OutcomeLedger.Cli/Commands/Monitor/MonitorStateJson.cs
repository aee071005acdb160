using System.Text.Json.Serialization;

namespace OutcomeLedger.Cli.Commands.Monitor;

/// <summary>What a monitor verified last (<c>monitor.json</c> in its folder).</summary>
internal sealed record MonitorStateJson(
    [property: JsonPropertyName("Origin")] string Origin,
    [property: JsonPropertyName("Size")] ulong Size,
    [property: JsonPropertyName("Root")] string Root);
