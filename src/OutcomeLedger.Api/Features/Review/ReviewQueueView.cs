using OutcomeLedger.Api.Features.Measurements;
using OutcomeLedger.Core.Evaluation;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Sessions;

namespace OutcomeLedger.Api.Features.Review;

/// <summary>A party's review queue: groups of one indicator and run of periods, newest first, each with its values and effect.</summary>
public sealed record ReviewQueueView(string Party, ulong? Checkpoint, int Count, IReadOnlyList<ReviewQueueView.Group> Groups)
{
    public static ReviewQueueView Of(ReviewQueue queue)
    {
        ArgumentNullException.ThrowIfNull(queue);
        return new(queue.Party.Value, queue.Checkpoint?.Size, queue.Count, [.. queue.Groups.Select(g => new Group(
            g.Indicator.Id.Value,
            g.Indicator.Commitment.Value,
            g.From.ToString(),
            g.To.ToString(),
            [.. g.Values.Select(MeasurementView.From)],
            g.Sources,
            new Effect(g.Effect.Commitment.Value, g.Effect.Values, g.Effect.Before, g.Effect.After, g.Effect.MakesAssessable)))]);
    }

    /// <summary>One indicator's values over consecutive periods, newest first.</summary>
    public sealed record Group(string Indicator, string Commitment, string From, string To, IReadOnlyList<MeasurementView> Values, IReadOnlyList<MeasurementSource> Sources, Effect Effect);

    /// <summary>The commitment's rating now and with every value awaiting the party on it acknowledged.</summary>
    public sealed record Effect(string Commitment, int Values, Rating Before, Rating After, bool MakesAssessable);
}
