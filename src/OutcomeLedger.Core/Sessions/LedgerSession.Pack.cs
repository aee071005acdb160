using System.Globalization;
using OutcomeLedger.Core.Reports;
using OutcomeLedger.Core.Sequencing;
using OutcomeLedger.Core.Storage;

namespace OutcomeLedger.Core.Sessions;

// The ministerial pack: the scorecard at a checkpoint, compared with an earlier one, as a document to typeset.
public sealed partial class LedgerSession
{
    /// <summary>
    /// The pack of <see cref="PackRequest.Agreement"/> at <see cref="PackRequest.At"/>, with what changed since
    /// <see cref="PackRequest.Since"/>; both scorecards from proven replays. A <c>since</c> that is not a checkpoint
    /// before <c>at</c> (a size larger than the log or than <c>at</c>, a date before the first checkpoint or after the
    /// log's latest) fails naming <c>since</c>.
    /// </summary>
    public async Task<PackDocument> PackAsync(PackRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var checkpoint = request.At is { } size
            ? await CheckpointAsync(size, cancellationToken)
            : await LatestCheckpointAsync(cancellationToken) ?? throw new LedgerRequestException(LedgerError.NotFound, "the log has no checkpoint yet");
        PackSince? since = null;
        if (request.Since is { } text)
        {
            // What changed is what `outcomes diff` says between the two checkpoints (the consistency proof checked).
            var earlier = await NamedCheckpointAsync(text.Trim(), "since", checkpoint, "the pack's checkpoint", cancellationToken);
            var diff = await DiffAsync(earlier, checkpoint, request.Language, cancellationToken);
            var date = LogTime.Of(earlier.Note) is { } logged
                ? DateOnly.FromDateTime(logged.UtcDateTime)
                : Scorecards.Evaluator.AsOfDate(await ReplayAsync(earlier, null, cancellationToken));
            since = new PackSince(earlier.Size, date, diff);
        }

        var state = await ReplayAsync(checkpoint, null, cancellationToken);
        var scorecard = Evaluate(state, checkpoint, request.Agreement);
        return PackBuilder.Build(new PackInput
        {
            Scorecard = scorecard,
            Since = since,
            Title = request.Title,
            Language = request.Language,
            ChartWindow = request.ChartWindow,
            LogVerifierKey = LogVerifierKey.ToString(),
        });
    }

    // A size names its checkpoint; a date the latest checkpoint logged on or before it (by the checkpoints' log time).
    // Either must name a checkpoint no later than `at` (called `atName` in the errors, which name `field`).
    async Task<StoredCheckpoint> NamedCheckpointAsync(string since, string field, StoredCheckpoint at, string atName, CancellationToken cancellationToken)
    {
        if (ulong.TryParse(since, NumberStyles.None, CultureInfo.InvariantCulture, out var size))
        {
            if (size > at.Size)
            {
                throw new LedgerRequestException(LedgerError.Invalid, field, $"checkpoint {size} is after {atName} {at.Size}; give an earlier size or date");
            }

            if (await Store.GetCheckpointAsync(size, cancellationToken) is not { } found)
            {
                var sizes = (await Store.GetCheckpointsAsync(cancellationToken)).Where(c => c.Size <= at.Size).TakeLast(10).Select(c => c.Size);
                throw new LedgerRequestException(LedgerError.NotFound, field, $"no checkpoint of size {size}; sizes with checkpoints: {string.Join(", ", sizes)}");
            }

            Verify(found);
            return found;
        }

        if (!DateOnly.TryParseExact(since, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new LedgerRequestException(LedgerError.Invalid, field, $"'{since}' is neither a checkpoint size nor a date (yyyy-MM-dd)");
        }

        var dated = (await Store.GetCheckpointsAsync(cancellationToken))
            .Where(c => c.Size <= at.Size)
            .Select(c => (Checkpoint: c, Time: LogTime.Of(c.Note)))
            .Where(c => c.Time is not null)
            .ToList();
        if (dated.Count == 0)
        {
            throw new LedgerRequestException(LedgerError.Invalid, field, "the log's checkpoints carry no log time, so a date names none of them; give a checkpoint size");
        }

        var atDate = DateOnly.FromDateTime(LogTime.Of(at.Note)?.UtcDateTime ?? dated[^1].Time!.Value.UtcDateTime);
        if (date > atDate)
        {
            throw new LedgerRequestException(LedgerError.Invalid, field, $"{date:yyyy-MM-dd} is after {atName} {at.Size}, logged {atDate:yyyy-MM-dd}");
        }

        var chosen = dated.LastOrDefault(c => DateOnly.FromDateTime(c.Time!.Value.UtcDateTime) <= date);
        if (chosen.Checkpoint is null)
        {
            throw new LedgerRequestException(LedgerError.Invalid, field, $"{date:yyyy-MM-dd} is before the log's first checkpoint, logged {dated[0].Time!.Value.UtcDateTime:yyyy-MM-dd}");
        }

        Verify(chosen.Checkpoint);
        return chosen.Checkpoint;
    }
}
