using System.Text.Json.Serialization;

namespace OutcomeLedger.Storage;

/// <summary><see cref="LedgerWriterStatus"/>'s JSON metadata (<c>writer.json</c>), generated at compile time.</summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(LedgerWriterStatus))]
internal sealed partial class LedgerWriterJson : JsonSerializerContext;
