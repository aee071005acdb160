using System.Text.Json.Serialization;

namespace OutcomeLedger.Cli.Commands.Export;

/// <summary>The generated JSON metadata of <c>outcomes export --json</c> (no reflection: the Cli may be compiled ahead of time).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(ExportResult))]
internal sealed partial class ExportJson : JsonSerializerContext;
