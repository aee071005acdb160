namespace OutcomeLedger.Core.Ledger;

/// <summary>Every policy logged for one agreement, in log order; the last is in force.</summary>
public sealed class PolicyHistory
{
    readonly List<Logged<PolicyRecord>> _policies = [];

    public IReadOnlyList<Logged<PolicyRecord>> All => _policies;

    public Logged<PolicyRecord> InForce => _policies[^1];

    internal void Add(Logged<PolicyRecord> policy)
    {
        var at = _policies.FindIndex(p => p.Index >= policy.Index);
        if (at >= 0 && _policies[at].Index == policy.Index)
        {
            return;
        }

        _policies.Insert(at < 0 ? _policies.Count : at, policy);
    }
}
