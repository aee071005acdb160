using OutcomeLedger.Core.Transparency.Witnessing;

namespace OutcomeLedger.Core.Storage;

/// <summary>
/// What this ledger's witness cosigned last, per log origin (c2sp.org/tlog-witness). The witness advances it only by
/// compare-and-swap, as sunlight's lock backend replaces its checkpoint: two requests, or two servers on one database,
/// can never roll it back or cosign two views of one log.
/// </summary>
public interface IWitnessState
{
    /// <summary>The latest checkpoint cosigned for <paramref name="origin"/>, or null when none was.</summary>
    Task<CosignedTreeHead?> GetAsync(string origin, CancellationToken cancellationToken);

    /// <summary>
    /// Records <paramref name="next"/> for <paramref name="origin"/> only if the stored one is still <paramref name="expected"/>
    /// (null: none stored yet); false, and nothing changed, otherwise. Durable before it returns true.
    /// </summary>
    Task<bool> TryReplaceAsync(string origin, CosignedTreeHead? expected, CosignedTreeHead next, CancellationToken cancellationToken);
}
