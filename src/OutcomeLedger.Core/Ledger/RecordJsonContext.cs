using System.Text.Json.Serialization;

namespace OutcomeLedger.Core.Ledger;

/// <summary>
/// Compile-time JSON metadata for the record kinds, so that reading and writing an entry does not build it by
/// reflection (and <c>Reflection.Emit</c>) in every process that starts: that was most of the methods a point command
/// compiled at run time. Only the metadata is generated (no fast-path serializer): the converters, naming policy,
/// nullability and member order still come from <see cref="RecordJson"/>'s options, as with reflection.
/// <para>
/// The generated reader sets an init-only property a payload omits to <c>default</c> instead of its initializer
/// (dotnet/runtime#84484). That cannot change what an entry means: an entry is accepted only if the record read
/// writes back to the payload's exact bytes, our writer writes every property that is not null, so an accepted
/// payload omits only nullable properties, whose initial value is null either way; and a payload that omits a property
/// with an initializer writes back differently (a value where none was, or a null the nullable annotations refuse), so
/// it is refused here and then read, and its error named, by the reflection path as before
/// (<c>GeneratedRecordJsonTests</c> checks both, field by field, for every kind).
/// </para>
/// </summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
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
internal sealed partial class RecordJsonContext : JsonSerializerContext;
