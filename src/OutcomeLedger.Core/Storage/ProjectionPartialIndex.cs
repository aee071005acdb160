namespace OutcomeLedger.Core.Storage;

/// <summary>
/// A secondary index of a projection table over <paramref name="Columns"/>, holding only the rows whose
/// <paramref name="WhereNull"/> column is null: the measurements not superseded, for instance. Storage creates it as a
/// partial index (<c>CREATE INDEX … WHERE column IS NULL</c>), which a query serves from when it filters on that column
/// being null.
/// </summary>
public sealed record ProjectionPartialIndex(IReadOnlyList<string> Columns, string WhereNull);
