namespace OutcomeLedger.Api.Features.Records;

/// <summary>One page of a list: the items, where it starts, the page size asked for and the total matching.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Offset, int Limit, int Total);
