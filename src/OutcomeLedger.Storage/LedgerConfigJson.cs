using System.Text.Json.Serialization;

namespace OutcomeLedger.Storage;

/// <summary>
/// <see cref="LedgerConfig"/>'s JSON metadata, generated at compile time: every command opens a ledger.json, and reading
/// it by reflection set up System.Text.Json's whole reflection resolver (and Reflection.Emit) in every process for one
/// small record. A positional record's omitted members take their parameters' defaults here as with reflection.
/// </summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(LedgerConfig))]
internal sealed partial class LedgerConfigJson : JsonSerializerContext;
