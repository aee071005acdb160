using System.Collections;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Tests.Ledger.Kinds;

/// <summary>
/// A kind's rules as a table of cases, each one line: the valid record (the first row, accepted) and its variants,
/// accepted or refused. Rows are found by name, so a theory's data is the names and each name is one test.
/// </summary>
internal abstract class RuleTable(string name) : IEnumerable<RuleCase>
{
    readonly List<RuleCase> _rows = [];

    /// <summary>The table's name in the coverage list: the kind's name (or "genesis" for the first entry's rules).</summary>
    public string Name { get; } = name;

    public IReadOnlyList<RuleCase> Rows => _rows;

    public RuleCase this[string name] => _rows.Single(r => r.Name == name);

    public TheoryData<string> AcceptedNames() => [.. _rows.Where(r => r.IsAccepted).Select(r => r.Name)];

    public TheoryData<string> RefusedNames() => [.. _rows.Where(r => !r.IsAccepted).Select(r => r.Name)];

    public IEnumerator<RuleCase> GetEnumerator() => _rows.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    protected void AddRow(RuleCase row)
    {
        if (_rows.Any(r => r.Name == row.Name))
        {
            throw new InvalidOperationException($"table '{Name}' has two rows named '{row.Name}'");
        }

        _rows.Add(row);
    }
}

/// <summary>A rule table over records of type <typeparamref name="T"/>, each row a change of the valid record.</summary>
internal sealed class RuleTable<T> : RuleTable
    where T : LedgerRecord
{
    readonly T _valid;
    readonly Signer _validSigner;

    public RuleTable(string name, T valid, Signer by)
        : base(name)
    {
        _valid = valid;
        _validSigner = by;
        Add("the valid record", r => r, by);
    }

    /// <summary>An accepted variant.</summary>
    public void Add(string name, Func<T, LedgerRecord> change, Signer by) => Add(name, null, change, by);

    /// <summary>An accepted variant, after <paramref name="arrange"/>.</summary>
    public void Add(string name, Action<RuleLedger>? arrange, Func<T, LedgerRecord> change, Signer by) =>
        AddRow(new(name, arrange, () => change(_valid), by, null, null));

    /// <summary>A refused variant: an error on <paramref name="field"/> whose message holds <paramref name="fragment"/>.</summary>
    public void Add(string name, Func<T, LedgerRecord> change, Signer by, string field, string fragment) => Add(name, null, change, by, field, fragment);

    /// <summary>A refused variant, after <paramref name="arrange"/>.</summary>
    public void Add(string name, Action<RuleLedger>? arrange, Func<T, LedgerRecord> change, Signer by, string field, string fragment) =>
        AddRow(new(name, arrange, () => change(_valid), by, field, fragment));

    /// <summary>
    /// Adds the generic checks every entry after the first passes before its kind's rules (LedgerState.CheckSignature),
    /// for the valid record's author: an unregistered author, another party's key, a revoked key, a signature that
    /// does not verify, and a second signature.
    /// </summary>
    public RuleTable<T> WithSignatureRules()
    {
        var author = _valid.Author;
        var other = Signer.OtherThan(author);
        Add("author not registered", r => (LedgerRecord)r with { Author = new("ca") }, Signer.Ca, "author", "party 'ca' is not registered");
        Add("signed with another party's key", r => r, other, "signatures[0].keyid", $"is not a key of party '{author}'");
        Add("signed with a revoked key", l => l.RetireFirstKey(author), r => r, _validSigner, "signatures[0].keyid", $"of party '{author}' was revoked at entry");
        Add("signature altered after signing", r => r, _validSigner.Altered(), "signatures[0].sig", "does not verify");
        Add("two signatures", r => r, _validSigner.And(other), "signatures", "exactly one signature");
        return this;
    }
}
