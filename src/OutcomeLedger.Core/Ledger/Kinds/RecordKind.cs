using OutcomeLedger.Core.Storage;
using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Ledger;

/// <summary>
/// A kind of ledger record, defined in one place: its name (the payload type's middle and the JSON <c>kind</c>), its
/// record type (the JSON shape), its collection (API route and projection table), who may write it, its rules, how it
/// changes the state and the projection rows it leaves. The list of kinds is <see cref="RecordKinds.All"/>; the
/// state, the API's routes and access matrix, the dashboard's forms and the projection schema derive from it.
/// </summary>
public abstract class RecordKind
{
    private protected RecordKind()
    {
    }

    /// <summary>The kind's name: <c>measurement</c>.</summary>
    public abstract string Name { get; }

    /// <summary>The record type: the kind's JSON shape.</summary>
    public abstract Type RecordType { get; }

    /// <summary>The collection's name, plural: <c>measurements</c> (API routes).</summary>
    public abstract string Collection { get; }

    /// <summary>The roles whose parties may write this kind at all.</summary>
    public abstract Writers Writers { get; }

    /// <summary>The projection tables this kind owns (another kind may write rows to them: a key record updates a party's key row).</summary>
    public virtual IReadOnlyList<ProjectionTable> Tables => [];

    /// <summary>The form people fill to write this kind on the dashboard, or null when it has none.</summary>
    public virtual RecordForm? Form => null;

    /// <summary>The DSSE payload type: <c>application/vnd.outcomeledger.measurement+json</c>.</summary>
    public string PayloadType => EntryCodec.PayloadType(Name);

    /// <summary>Whether a party of <paramref name="role"/> may write this kind at all.</summary>
    public bool MayWrite(PartyRole role) => (Writers & WriterOf(role)) != 0;

    internal static Writers WriterOf(PartyRole role) => role switch
    {
        PartyRole.Operator => Writers.Operator,
        PartyRole.Party => Writers.Party,
        PartyRole.Verifier => Writers.Verifier,
        _ => Writers.None,
    };

    internal abstract void CheckRecord(LedgerRecord record, RuleContext rules);

    internal abstract void ApplyRecord(LedgerRecord record, ulong index, Hash leafHash, LedgerState state);

    internal abstract IEnumerable<ProjectionRow> ProjectRecord(LedgerRecord record, ulong index, LedgerState state);

    internal abstract void NeedsOf(LedgerRecord record, StateNeeds needs);

    internal abstract IEnumerable<(ulong Index, Hash LeafHash)> CandidatesOf(LedgerRecord record, LedgerState state);

    public override string ToString() => Name;
}

/// <summary>A record kind over its record type <typeparamref name="T"/>.</summary>
public abstract class RecordKind<T> : RecordKind
    where T : LedgerRecord
{
    public sealed override Type RecordType => typeof(T);

    /// <summary>Adds to <paramref name="rules"/> every reason <paramref name="record"/> cannot be logged next; each names its field.</summary>
    internal abstract void Check(T record, RuleContext rules);

    /// <summary>Applies a checked record as entry <paramref name="index"/>: the one change it makes to the state.</summary>
    internal abstract void Apply(T record, ulong index, Hash leafHash, LedgerState state);

    /// <summary>The projection rows the record leaves, read from the state after <see cref="Apply"/>.</summary>
    internal abstract IEnumerable<ProjectionRow> Project(T record, ulong index, LedgerState state);

    /// <summary>
    /// What <see cref="Check"/>, <see cref="Apply"/>, <see cref="Project"/> and <see cref="Candidates"/> look up besides
    /// the author and the parties (always loaded), so a state loaded on demand loads it first.
    /// </summary>
    internal abstract void Needs(T record, StateNeeds needs);

    /// <summary>The logged entries an identical record would be (a resubmission is answered with the first one's index).</summary>
    internal abstract IEnumerable<(ulong Index, Hash LeafHash)> Candidates(T record, LedgerState state);

    internal sealed override void CheckRecord(LedgerRecord record, RuleContext rules) => Check((T)record, rules);

    internal sealed override void ApplyRecord(LedgerRecord record, ulong index, Hash leafHash, LedgerState state) => Apply((T)record, index, leafHash, state);

    internal sealed override IEnumerable<ProjectionRow> ProjectRecord(LedgerRecord record, ulong index, LedgerState state) => Project((T)record, index, state);

    internal sealed override void NeedsOf(LedgerRecord record, StateNeeds needs) => Needs((T)record, needs);

    internal sealed override IEnumerable<(ulong Index, Hash LeafHash)> CandidatesOf(LedgerRecord record, LedgerState state) => Candidates((T)record, state);

    /// <summary>A logged record's entry as a duplicate candidate, when there is one.</summary>
    private protected static IEnumerable<(ulong Index, Hash LeafHash)> EntryOf<TRecord>(Logged<TRecord>? logged)
        where TRecord : LedgerRecord => logged is null ? [] : [(logged.Index, logged.LeafHash)];
}
