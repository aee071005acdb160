namespace OutcomeLedger.Core.Ledger;

/// <summary>Every record kind the ledger knows, in one list: add a kind here and in its own folder, nowhere else.</summary>
public static class RecordKinds
{
    public static PartyRecordKind Party { get; } = new();

    public static KeyRecordKind Key { get; } = new();

    public static AgreementRecordKind Agreement { get; } = new();

    public static PolicyRecordKind Policy { get; } = new();

    public static StatementRecordKind Statement { get; } = new();

    public static CommitmentRecordKind Commitment { get; } = new();

    public static IndicatorRecordKind Indicator { get; } = new();

    public static MeasurementRecordKind Measurement { get; } = new();

    public static AttestationRecordKind Attestation { get; } = new();

    public static AcceptanceRecordKind Acceptance { get; } = new();

    public static ObjectionRecordKind Objection { get; } = new();

    /// <summary>The kinds, in the order their records usually appear.</summary>
    public static IReadOnlyList<RecordKind> All { get; } = [Party, Key, Agreement, Policy, Statement, Commitment, Indicator, Measurement, Attestation, Acceptance, Objection];

    static readonly Dictionary<string, RecordKind> s_byName = All.ToDictionary(k => k.Name, StringComparer.Ordinal);
    static readonly Dictionary<Type, RecordKind> s_byType = All.ToDictionary(k => k.RecordType);

    /// <summary>The kind named <paramref name="name"/>, or null.</summary>
    public static RecordKind? Find(string name) => s_byName.GetValueOrDefault(name);

    /// <summary>The kind of <paramref name="record"/>.</summary>
    public static RecordKind Of(LedgerRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return s_byType.TryGetValue(record.GetType(), out var kind) ? kind : throw new ArgumentException($"unknown record type {record.GetType().Name}", nameof(record));
    }
}
