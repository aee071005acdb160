using System.Globalization;
using System.Text.Json;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Monitoring;

namespace OutcomeLedger.Cli.Commands.Monitor;

/// <summary>
/// The <c>--json</c> line of a verified round: the checkpoint verified, one exact object per new entry, the runs the
/// plain-words report tells (by entry index), and what each peer saw.
/// </summary>
internal sealed record MonitorVerifiedJson(
    string Event,
    string Origin,
    ulong Size,
    string Root,
    ulong? PreviousSize,
    IReadOnlyList<MonitorEntryJson> Entries,
    IReadOnlyList<MonitorGroupJson> Groups,
    IReadOnlyList<MonitorPeerJson> Peers)
{
    public static MonitorVerifiedJson From(MonitorRound round, IReadOnlyList<MonitorGroup> groups)
    {
        var state = round.State!;
        return new MonitorVerifiedJson(
            "verified",
            state.Origin,
            state.Size,
            state.Root.ToBase64(),
            round.PreviousSize,
            [.. round.NewEntries.Select(Entry)],
            [.. groups.Select(g => new MonitorGroupJson(
                Name(g.Action),
                g.Author.Value,
                g.Kind,
                g.Indicator?.Value,
                g.Verdict is { } v ? Name(v) : null,
                [.. g.Entries.Select(e => e.Index)],
                [.. g.Periods.Select(p => p.ToString())]))],
            [.. round.Peers.Select(p => new MonitorPeerJson(p.Peer, p.Size, p.Verdict.ToString()))]);
    }

    static MonitorEntryJson Entry(MonitoredEntry entry)
    {
        var value = MonitorGroup.Value(entry);
        var attestation = entry.Record as AttestationRecord;
        return new MonitorEntryJson(
            entry.Index,
            entry.Record.Kind,
            entry.Record.Author.Value,
            Name(MonitorGroup.ActionOf(entry)),
            value?.Indicator.Value,
            value?.Period.ToString(),
            value is null ? null : Exact(value.Value),
            value is null ? null : entry.Unit,
            (entry.Record as MeasurementRecord)?.Supersedes,
            entry.Superseded is { } old ? Exact(old.Value) : null,
            attestation?.Measurement,
            attestation is null ? null : Name(attestation.Verdict));
    }

    static string Exact(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
