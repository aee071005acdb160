using System.Text.Json.Serialization;
using OutcomeLedger.Core.Access;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Storage;

/// <summary>
/// JSON metadata, generated at compile time, for what Storage keeps as JSON beside the log: the witness state file, the
/// token file and a queued entry's errors. Reflection-built metadata is what a Native AOT program cannot have; the
/// options each caller passes (naming, converters, indentation) still decide the text, which stays as it was.
/// </summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(List<AccessToken>))]
[JsonSerializable(typeof(IReadOnlyList<AccessToken>))]
[JsonSerializable(typeof(List<ValidationError>))]
[JsonSerializable(typeof(IReadOnlyList<ValidationError>))]
internal sealed partial class StorageJson : JsonSerializerContext;
