using System.Text.Json.Serialization;

namespace OutcomeLedger.Core.Ledger;

/// <summary>
/// Compile-time JSON metadata for the record kinds and what they carry, the only metadata <see cref="RecordJson"/>'s
/// options have: no reflection (nor <c>Reflection.Emit</c>) when an entry is read or written, so a point command
/// compiles little at start and the CLI can be published with Native AOT. Only the metadata is generated (no
/// fast-path serializer): the converters, naming policy, nullability and member order come from the options.
/// <para>
/// The generated reader sets an init-only property a payload omits to <c>default</c> instead of its initializer
/// (dotnet/runtime#84484). That cannot change what an entry means: an entry is accepted only if the record read
/// writes back to the payload's exact bytes, our writer writes every property that is not null, so an accepted
/// payload omits only nullable properties, whose initial value is null either way; a payload that omits a property
/// with an initializer is refused as not canonical, as reflection refused it (<see cref="EntryCodec"/>'s general path
/// notes such an omission; <c>GeneratedRecordJsonTests</c> holds every refusal and error to the reflection reader's,
/// member by member, for every kind). A document a person writes (a policy file) is read with
/// <see cref="RecordJson.ReadDocument{T}"/>, which keeps the initializers.
/// </para>
/// </summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(LedgerRecord))]
[JsonSerializable(typeof(PartyRecord))]
[JsonSerializable(typeof(KeyRecord))]
[JsonSerializable(typeof(AgreementRecord))]
[JsonSerializable(typeof(PolicyRecord))]
[JsonSerializable(typeof(StatementRecord))]
[JsonSerializable(typeof(CommitmentRecord))]
[JsonSerializable(typeof(IndicatorRecord))]
[JsonSerializable(typeof(MeasurementRecord))]
[JsonSerializable(typeof(AttestationRecord))]
[JsonSerializable(typeof(AcceptanceRecord))]
[JsonSerializable(typeof(ObjectionRecord))]
[JsonSerializable(typeof(EvaluationPolicy))]
[JsonSerializable(typeof(DateTimeOffset))]
internal sealed partial class RecordJsonContext : JsonSerializerContext;
