using System.Text.Json;
using System.Text.Json.Serialization;

namespace OutcomeLedger.Core.Reports;

/// <summary>What one entry between two checkpoints did, as <c>outcomes diff</c> lists it; written in kebab case.</summary>
[JsonConverter(typeof(DiffChangeKindJsonConverter))]
public enum DiffChangeKind
{
    Agreement,
    Statement,
    Commitment,
    Indicator,
    Policy,
    TermsAccepted,
    TermsContested,
    ValueAdded,
    ValueCorrected,
    ValueConfirmed,
    VerificationFailed,
    DisputeOpened,
    DisputeResolved,
    DisputeWithdrawn,
}

/// <summary>The kind as "terms-accepted", "value-corrected".</summary>
public sealed class DiffChangeKindJsonConverter() : JsonStringEnumConverter<DiffChangeKind>(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false);
