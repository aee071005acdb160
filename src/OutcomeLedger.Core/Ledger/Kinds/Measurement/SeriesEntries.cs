namespace OutcomeLedger.Core.Ledger;

/// <summary>The measurements of one series (indicator, period, dimensions, reporter): all of them in log order, and the current one.</summary>
public sealed class SeriesEntries
{
    readonly List<ulong> _members = [];

    /// <summary>Every measurement of the series, current and superseded, by log index in log order.</summary>
    public IReadOnlyList<ulong> Members => _members;

    /// <summary>The value not superseded, if any.</summary>
    public ulong? Current { get; private set; }

    internal void Add(ulong index, bool current)
    {
        var at = _members.BinarySearch(index);
        if (at < 0)
        {
            _members.Insert(~at, index);
        }

        if (current)
        {
            Current = index;
        }
    }
}
