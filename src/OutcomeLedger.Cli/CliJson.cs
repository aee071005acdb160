using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using OutcomeLedger.Cli.Commands.Witness;
using OutcomeLedger.Core.Access;
using OutcomeLedger.Core.Evaluation;
using OutcomeLedger.Core.Evaluation.Statistics;
using OutcomeLedger.Core.Import;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Cli;

// The shapes the CLI's --json prints, one named type each, so the output is source-generated (Native AOT: the trimmer
// keeps what the generated metadata names; an anonymous type's properties read by reflection were removed and printed
// as {}). Member names and order are the JSON's: the camelCase naming policy turns Entry into "entry".

/// <summary>A record written: its id, log index and status.</summary>
internal sealed record AgreementWritten(AgreementId Agreement, ulong? Index, string Status);

internal sealed record CommitmentWritten(CommitmentId Commitment, ulong? Index, string Status);

internal sealed record IndicatorWritten(IndicatorId Indicator, ulong? Index, string Status);

internal sealed record PartyWritten(PartyId Party, ulong? Index, string Status);

internal sealed record StatementWritten(StatementId Statement, ulong? Index, string Status, string? SourceSha256);

internal sealed record PolicyWritten(AgreementId Agreement, ulong? Index, string Status, EvaluationPolicy Policy);

internal sealed record PartyKeyWritten(PartyId Party, string KeyId, string Action, ulong? Index, string Status);

internal sealed record MeasurementWritten(ulong? Measurement, string Status, ulong? Supersedes, IReadOnlyList<string> Evidence);

internal sealed record AttestationWritten(ulong? Attestation, ulong? Measurement, Verdict Verdict, string Status, IReadOnlyList<string> Evidence);

internal sealed record ObjectionWritten(ulong? Objection, ulong Entry, string Status, IReadOnlyList<string> Evidence);

internal sealed record AcceptanceWritten(ulong? Acceptance, ulong Entry, string Status);

/// <summary>Lists: one row each.</summary>
internal sealed record AgreementRow(ulong Entry, AgreementRecord Agreement, long Commitments, ulong? PolicyEntry);

internal sealed record CommitmentRow(ulong Entry, CommitmentRecord Commitment, IReadOnlyList<string> Indicators);

internal sealed record IndicatorRow(ulong Entry, IndicatorRecord Indicator, long CurrentValues);

internal sealed record StatementRow(ulong Entry, StatementRecord Statement);

internal sealed record PartyRow(PartyId Id, string Name, PartyRole Role, ulong Entry, IEnumerable<string> ActiveKeys);

internal sealed record PartyKeyRow(PartyId Party, string KeyId, string PublicKey, ulong AddedAt, ulong? RevokedAt, bool Active);

internal sealed record TokenRow(string Id, PartyId Party, AccessRole Role, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

internal sealed record TokenCreated(string Id, PartyId Party, AccessRole Role, string Token);

/// <summary>A measurement with its entry, verification status, correction and attestations.</summary>
internal sealed record MeasurementRow(ulong Entry, string Status, ulong? SupersededBy, MeasurementRecord Measurement, IEnumerable<AttestationRow> Attestations);

internal sealed record AttestationRow(ulong Entry, AttestationRecord Attestation);

internal sealed record IndicatorShown(ulong Entry, IndicatorRecord Indicator, ScorecardFreshness? Freshness, IEnumerable<MeasurementRow> Measurements);

/// <summary>The log and its files.</summary>
internal sealed record LogPublicKey(string Origin, string VerifierKey);

internal sealed record LogCheckpoint(string Origin, ulong Size, string RootHash, string Note);

internal sealed record TilesExported(string Directory, ulong Size, int Files);

internal sealed record LogKeyGenerated(string Name, string KeyId, string VerifierKey, string PrivateKeyFile);

internal sealed record LogVerified(bool Valid, ulong Entries, int Tiles, int Checkpoints, int ProjectionRows, string? Failure, string Sha256);

internal sealed record ReceiptVerified(
    bool Valid, ulong? Index, string Origin, ulong Size, string Root, DateTimeOffset? LogTime, IReadOnlyList<string> Cosigners, int UnknownSignatures,
    bool EntryProven, string? LeafHash, string? Kind, string? Author);

internal sealed record LedgerInitialised(string Folder, string Origin, string LogVerifierKey, string OperatorKeyFile, ulong? GenesisIndex);

internal sealed record LedgerBackedUp(string Action, string Path, int Files, long Bytes, ulong Size, string? Root);

internal sealed record ProjectionRebuilt(ulong Entries, int Rows, int RowsThatDiffered);

internal sealed record KeyGenerated(string File, string PublicKey, string KeyId);

internal sealed record KeyShown(string PublicKey, string KeyId);

/// <summary>Published files and their checks.</summary>
internal sealed record ScorecardWritten(string File, string Format, ulong Size, string RootHash);

internal sealed record PackWritten(string File, string Format, ulong Size, int Bytes);

internal sealed record ScorecardVerified(bool Valid, string Message, int CitedEntries);

internal sealed record EvaluationCheckpoint(string Origin, ulong Size, string RootHash);

internal sealed record EvaluatedIndicator(string Id, string Rating, string Finding, ScorecardConfirmation? Confirmation, string Needs, string Reason);

internal sealed record EvaluatedCommitment(string Id, string Rating, string Finding, ScorecardConfirmation? Confirmation, string Needs, string Reason, IEnumerable<EvaluatedIndicator> Indicators);

internal sealed record Evaluation(EvaluationCheckpoint Checkpoint, IEnumerable<EvaluatedCommitment> Commitments);

internal sealed record DemoCommitment(string Id, Rating Rating, Rating? Finding, ScorecardConfirmation? Confirmation, IReadOnlyList<ScorecardNeed>? Needs, ScorecardTerms? Terms);

internal sealed record DemoMade(
    string Folder, ulong Entries, string RootHash, Dictionary<string, string> Scorecard, string Pack, string Export, string Tiles, bool Verified,
    IEnumerable<DemoCommitment> Commitments);

/// <summary>Checks of values against their sources, attestations by period, and a party's review queue.</summary>
internal sealed record SourceFileChecked(string File, string? Sha256);

internal sealed record SourceValueChecked(
    ulong Measurement, string Period, IReadOnlyDictionary<string, string> Dimensions, decimal Logged, decimal? Derived, string Outcome, string? File, int? Line,
    ulong? Attestation);

internal sealed record SourceValueNotLogged(string Period, IReadOnlyDictionary<string, string> Dimensions, decimal Value, string? File, int? Line);

internal sealed record SourcesChecked(
    string Indicator, bool DryRun, ulong? Checkpoint, IEnumerable<SourceFileChecked> Files, IEnumerable<SourceValueChecked> Checks, IEnumerable<SourceValueNotLogged> NotLogged);

internal sealed record PeriodValueAttested(ulong Attestation, ulong Measurement, string Period, IReadOnlyDictionary<string, string> Dimensions, decimal Value);

internal sealed record PeriodAttested(
    string Indicator, string From, string To, string Verdict, ulong? Checkpoint, IEnumerable<PeriodValueAttested> Attested, IEnumerable<ulong> AlreadyAttested);

internal sealed record ReviewEffectJson(string Commitment, int Values, Rating Before, Rating After, bool MakesAssessable);

internal sealed record ReviewGroupJson(string Indicator, string Commitment, string From, string To, IEnumerable<MeasurementRow> Values, IReadOnlyList<MeasurementSource> Sources, ReviewEffectJson Effect);

/// <summary>One figure of a value's revisions for --json: exact, with its entry, reporter, release, flags, the entry it corrected and the reason.</summary>
internal sealed record ValueRevisionJson(int Revision, ulong Entry, decimal Figure, string Reporter, DateOnly? Release, DateTimeOffset RecordedAt, bool Provisional, bool Current, ulong? Supersedes, string? Reason);

/// <summary><c>outcomes measure history --json</c>: the value and its revisions in order, and the chart file written, if any.</summary>
internal sealed record ValueHistoryJson(string Indicator, string Period, IReadOnlyDictionary<string, string> Dimensions, string Unit, IEnumerable<ValueRevisionJson> Revisions, string? Chart);

internal sealed record ReviewQueueJson(string Party, ulong? Checkpoint, int Count, IEnumerable<ReviewGroupJson> Groups);

/// <summary>
/// Generated metadata for every --json shape. The options are the records' (camelCase, kebab-case enums, ids, periods
/// and decimals as strings, nulls left out: <see cref="RecordJson.Options"/>'s converters apply at run time), indented,
/// and with non-ASCII text as it is ("México", not "M\u00e9xico"): the encoder escapes only what JSON requires
/// (quotes, backslashes, control characters), as the entries themselves are written.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(AgreementWritten))]
[JsonSerializable(typeof(CommitmentWritten))]
[JsonSerializable(typeof(IndicatorWritten))]
[JsonSerializable(typeof(PartyWritten))]
[JsonSerializable(typeof(StatementWritten))]
[JsonSerializable(typeof(PolicyWritten))]
[JsonSerializable(typeof(PartyKeyWritten))]
[JsonSerializable(typeof(MeasurementWritten))]
[JsonSerializable(typeof(AttestationWritten))]
[JsonSerializable(typeof(ObjectionWritten))]
[JsonSerializable(typeof(AcceptanceWritten))]
[JsonSerializable(typeof(IEnumerable<AgreementRow>))]
[JsonSerializable(typeof(IEnumerable<CommitmentRow>))]
[JsonSerializable(typeof(IEnumerable<IndicatorRow>))]
[JsonSerializable(typeof(IEnumerable<StatementRow>))]
[JsonSerializable(typeof(IEnumerable<PartyRow>))]
[JsonSerializable(typeof(IEnumerable<PartyKeyRow>))]
[JsonSerializable(typeof(IEnumerable<TokenRow>))]
[JsonSerializable(typeof(TokenCreated))]
[JsonSerializable(typeof(IEnumerable<MeasurementRow>))]
[JsonSerializable(typeof(IndicatorShown))]
[JsonSerializable(typeof(LogPublicKey))]
[JsonSerializable(typeof(LogCheckpoint))]
[JsonSerializable(typeof(TilesExported))]
[JsonSerializable(typeof(LogKeyGenerated))]
[JsonSerializable(typeof(LogVerified))]
[JsonSerializable(typeof(ReceiptVerified))]
[JsonSerializable(typeof(LedgerInitialised))]
[JsonSerializable(typeof(LedgerBackedUp))]
[JsonSerializable(typeof(ProjectionRebuilt))]
[JsonSerializable(typeof(KeyGenerated))]
[JsonSerializable(typeof(KeyShown))]
[JsonSerializable(typeof(ScorecardWritten))]
[JsonSerializable(typeof(PackWritten))]
[JsonSerializable(typeof(ScorecardVerified))]
[JsonSerializable(typeof(Evaluation))]
[JsonSerializable(typeof(DemoMade))]
[JsonSerializable(typeof(SourcesChecked))]
[JsonSerializable(typeof(PeriodAttested))]
[JsonSerializable(typeof(ReviewQueueJson))]
[JsonSerializable(typeof(ValueHistoryJson))]
[JsonSerializable(typeof(WitnessOutcome))]
[JsonSerializable(typeof(MeasurementImportJson))]
[JsonSerializable(typeof(MeasurementImportErrorsJson))]
[JsonSerializable(typeof(EvaluationPolicy))]
[JsonSerializable(typeof(DateTimeOffset))]
internal sealed partial class CliJsonContext : JsonSerializerContext
{
    /// <summary>The context bound to the --json options, whose typed properties (<c>Output.PartyWritten</c>) the commands pass to <see cref="CommandContext.WriteJson{T}"/>.</summary>
    public static CliJsonContext Output { get; } = new(CreateOptions());

    static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(RecordJson.Options)
        {
            WriteIndented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = null,
        };
        // The records' options name their own enums only (each layer lists its own): the outputs' other enums, as
        // kebab-case names like the records'.
        options.Converters.Add(RecordJson.EnumConverter<AccessRole>());
        options.Converters.Add(RecordJson.EnumConverter<SkipCode>());
        options.Converters.Add(RecordJson.EnumConverter<Rating>());
        options.Converters.Add(RecordJson.EnumConverter<VerificationStatus>());
        options.Converters.Add(RecordJson.EnumConverter<NeedCode>());
        options.Converters.Add(RecordJson.EnumConverter<ReasonCode>());
        options.Converters.Add(RecordJson.EnumConverter<ShortfallCode>());
        options.Converters.Add(RecordJson.EnumConverter<ObservedChangeMethod>());
        options.Converters.Add(RecordJson.EnumConverter<IntervalDistribution>());
        options.Converters.Add(RecordJson.EnumConverter<ScorecardLanguage>());
        return options;
    }
}
