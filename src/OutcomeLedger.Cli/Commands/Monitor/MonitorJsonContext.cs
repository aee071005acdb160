using System.Text.Json.Serialization;

namespace OutcomeLedger.Cli.Commands.Monitor;

/// <summary>
/// JSON metadata, generated at compile time, for what <c>outcomes monitor</c> writes: its <c>--json</c> lines and its
/// state file (whose member names stay as the first monitors wrote them).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(MonitorVerifiedJson))]
[JsonSerializable(typeof(MonitorAlarmJson))]
[JsonSerializable(typeof(MonitorStateJson))]
internal sealed partial class MonitorJsonContext : JsonSerializerContext;
