namespace OutcomeLedger.Core.Sessions;

/// <summary>Which page of a list to read: its offset and size, bounded so no request reads the whole ledger.</summary>
public readonly record struct Paging
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    public Paging(int offset = 0, int limit = DefaultLimit)
    {
        if (offset < 0)
        {
            throw new LedgerRequestException(LedgerError.Invalid, "offset", "offset must be zero or more");
        }

        if (limit is < 1 or > MaxLimit)
        {
            throw new LedgerRequestException(LedgerError.Invalid, "limit", $"limit must be between 1 and {MaxLimit}");
        }

        Offset = offset;
        Limit = limit;
    }

    public int Offset { get; }

    public int Limit { get; }

    public static Paging First(int limit = DefaultLimit) => new(0, limit);
}
