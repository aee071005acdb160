namespace OutcomeLedger.Core.Ledger;

/// <summary>
/// One kind of thing a <see cref="LedgerState"/> holds, by key. A complete state (replayed from the log) holds all of
/// them, so a missing key is absent. A loaded state holds only what was loaded from the projection for the records
/// being checked, and the keys known to be absent; asking for anything else is a bug (a kind's needs missed it).
/// </summary>
internal sealed class Lookup<TKey, TValue>(bool partial, string what)
    where TKey : notnull
    where TValue : class
{
    readonly Dictionary<TKey, TValue> _found = [];
    readonly HashSet<TKey>? _absent = partial ? [] : null;

    public int Count => _found.Count;

    public IReadOnlyDictionary<TKey, TValue> All => _absent is null
        ? _found
        : throw new InvalidOperationException($"a state loaded on demand does not list every {what}; query the projection instead");

    public TValue? Find(TKey key)
    {
        if (_found.TryGetValue(key, out var value))
        {
            return value;
        }

        return _absent is null || _absent.Contains(key)
            ? null
            : throw new InvalidOperationException($"{what} '{key}' was not loaded before it was looked up: a record kind's needs miss it");
    }

    /// <summary>Whether the value is held (never throws).</summary>
    public bool Holds(TKey key) => _found.ContainsKey(key);

    public bool IsResolved(TKey key) => _absent is null || _found.ContainsKey(key) || _absent.Contains(key);

    public void Add(TKey key, TValue value)
    {
        _found[key] = value;
        _absent?.Remove(key);
    }

    public void MarkAbsent(TKey key) => _absent?.Add(key);

    public void Clear()
    {
        _found.Clear();
        _absent?.Clear();
    }
}
