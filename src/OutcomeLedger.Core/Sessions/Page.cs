namespace OutcomeLedger.Core.Sessions;

/// <summary>One page of a list: the items, where it starts, the page size asked for and how many match in all.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Offset, int Limit, long Total);
