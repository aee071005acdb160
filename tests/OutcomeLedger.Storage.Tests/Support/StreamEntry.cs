namespace OutcomeLedger.Storage.Tests.Support;

/// <summary>
/// One entry of a <see cref="RandomEntryStream"/>: its bytes, its record kind (or <c>malformed</c>), what the stream
/// meant it to exercise, and what it was aimed at, so a test can say which batch that was logged in.
/// </summary>
/// <param name="Data">The leaf bytes to submit.</param>
/// <param name="Kind">The record kind, or <c>malformed</c> for bytes that are not a record.</param>
/// <param name="Scenario">What the stream meant, such as <c>measurement: correction of a correction (chain)</c>.</param>
/// <param name="Target">The log index of the entry it builds on (a measurement's indicator, an attestation's measurement), if any.</param>
/// <param name="Repeats">The stream position of the entry whose bytes it resubmits, if it is a resubmission.</param>
public sealed record StreamEntry(byte[] Data, string Kind, string Scenario, ulong? Target = null, int? Repeats = null);
