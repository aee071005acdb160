using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Storage;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Sessions;

/// <summary>
/// What awaits one party's attestation at a checkpoint (<see cref="LedgerSession.ReviewQueueAsync"/>): the current values
/// of the indicators it may attest, reported by another party, on which it has no verdict standing, in groups of one
/// indicator and a run of consecutive periods, newest first. The CLI's <c>outcomes review</c> and the dashboard's
/// <c>/review</c> show it in the same words (<see cref="Summary"/>, <see cref="ReviewGroup.Heading"/>,
/// <see cref="ReviewEffect.Sentence"/>).
/// </summary>
public sealed record ReviewQueue(PartyId Party, StoredCheckpoint? Checkpoint, IReadOnlyList<ReviewGroup> Groups)
{
    public int Count => Groups.Sum(g => g.Values.Count);

    /// <summary>How many indicators the groups cover.</summary>
    public int IndicatorCount => Groups.Select(g => g.Indicator.Id).Distinct().Count();

    /// <summary>
    /// The entry numbers of the values of <paramref name="indicator"/> from <paramref name="from"/> to <paramref name="to"/>
    /// that await the party in this queue (a group, or part of one, as the queue holds it now), oldest entry first.
    /// </summary>
    public IReadOnlyList<ulong> Awaiting(IndicatorId indicator, Period from, Period to) =>
        [.. Groups.Where(g => g.Indicator.Id == indicator).SelectMany(g => g.Values)
            .Where(v => v.Record.Period >= from && v.Record.Period <= to).Select(v => v.Index).Order()];

    /// <summary>The queue's one-line summary: what awaits the party at which checkpoint, or that nothing does.</summary>
    public string Summary(TextCatalogue text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var checkpoint = (Checkpoint?.Size ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Groups.Count == 0
            ? TextCatalogue.Fill(text.ReviewEmpty, ("party", Party.Value), ("checkpoint", checkpoint))
            : TextCatalogue.Fill(text.ReviewHeading,
                ("party", Party.Value),
                ("checkpoint", checkpoint),
                ("values", text.ValuesCount.Of(Count)),
                ("indicators", text.IndicatorsCount.Of(IndicatorCount)));
    }
}
