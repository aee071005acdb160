using System.Globalization;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Transparency.Notes;

namespace OutcomeLedger.Core.Sequencing;

/// <summary>
/// The log's own time: the sequencer's clock when it integrated a batch, written into that batch's checkpoint as a
/// c2sp.org/tlog-checkpoint extension line <c>log-time 2026-12-03T16:20:05Z</c> (UTC, to the second), so it is signed by
/// the log key, covered by every witness's cosignature, and readable by anyone who holds the checkpoint. Every entry of
/// the batch was logged at that time. An entry's author states a <c>recordedAt</c>; the sequencer refuses one more than
/// <see cref="MaxSkew"/> from its clock either way, and a measurement whose period ends after the log time or a
/// statement dated after it. Checkpoints signed before log time existed carry no such line: their time is unknown (null).
/// </summary>
public static class LogTime
{
    /// <summary>How far an entry's <c>recordedAt</c> may be from the sequencer's clock, either way.</summary>
    public static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(10);

    /// <summary>The extension line's keyword, followed by one space and the time.</summary>
    public const string Keyword = "log-time";

    const string Format = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    /// <summary>The checkpoint extension line for <paramref name="time"/> (to the second, UTC).</summary>
    public static string ExtensionLine(DateTimeOffset time) =>
        Keyword + " " + Truncate(time).UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary><paramref name="time"/> in UTC without its fraction of a second, as the log states times.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    /// <summary>
    /// The log time a checkpoint states, or null when it states none (a checkpoint signed before log time existed).
    /// False, with the reason, when it has a <c>log-time</c> line that is malformed or repeated.
    /// </summary>
    public static bool TryRead(Checkpoint checkpoint, out DateTimeOffset? time, out string? error)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        time = null;
        error = null;
        foreach (var line in checkpoint.Extensions)
        {
            if (!line.StartsWith(Keyword + " ", StringComparison.Ordinal))
            {
                continue;
            }

            if (time is not null)
            {
                error = "the checkpoint states its log time twice";
                return false;
            }

            if (!DateTimeOffset.TryParseExact(line[(Keyword.Length + 1)..], Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                error = $"the checkpoint's log time '{line}' is not '{Keyword} YYYY-MM-DDTHH:MM:SSZ'";
                return false;
            }

            time = parsed.ToUniversalTime();
        }

        return true;
    }

    /// <summary>
    /// The log time of a checkpoint's signed note (its body: the text before the blank line; read it after verifying its
    /// signatures), or null when it states none. Throws <see cref="InvalidDataException"/> for a body that is not a
    /// checkpoint, or a malformed log time.
    /// </summary>
    public static DateTimeOffset? Of(string signedNote)
    {
        ArgumentNullException.ThrowIfNull(signedNote);
        var end = signedNote.IndexOf("\n\n", StringComparison.Ordinal);
        var body = end < 0 ? signedNote : signedNote[..(end + 1)];
        if (!Checkpoint.TryParse(body, out var checkpoint, out var parseError))
        {
            throw new InvalidDataException($"the checkpoint cannot be read: {parseError}");
        }

        return TryRead(checkpoint, out var time, out var error) ? time : throw new InvalidDataException(error);
    }

    /// <summary>
    /// What the log time refuses in <paramref name="record"/> logged at <paramref name="logTime"/>: a
    /// <c>recordedAt</c> more than <see cref="MaxSkew"/> away, a measurement for a period that ends after it, a
    /// statement dated after it. Each problem names its field.
    /// </summary>
    public static IReadOnlyList<ValidationError> Check(LedgerRecord record, DateTimeOffset logTime)
    {
        ArgumentNullException.ThrowIfNull(record);
        var errors = new List<ValidationError>();
        var skew = record.RecordedAt - logTime;
        if (skew.Duration() > MaxSkew)
        {
            errors.Add(new ValidationError("recordedAt",
                $"{Stamp(record.RecordedAt)} is {Describe(skew)} the log's clock ({Stamp(logTime)}); an entry is logged at most {MaxSkew.TotalMinutes:0} minutes from it, either way: check the writer's clock"));
        }

        var today = DateOnly.FromDateTime(logTime.UtcDateTime);
        switch (record)
        {
            case MeasurementRecord m when m.Period.End > today:
                errors.Add(new ValidationError("period", $"{m.Period} ends on {m.Period.End:yyyy-MM-dd}, after the log's date {today:yyyy-MM-dd}: a value is logged once its period has ended"));
                break;
            case StatementRecord s when s.Date > today:
                errors.Add(new ValidationError("date", $"{s.Date:yyyy-MM-dd} is after the log's date {today:yyyy-MM-dd}: a statement is logged once it was made"));
                break;
        }

        return errors;
    }

    static string Stamp(DateTimeOffset time) => Truncate(time).UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    static string Describe(TimeSpan skew)
    {
        var size = skew.Duration();
        var amount = size.TotalDays >= 2 ? $"{Math.Floor(size.TotalDays):0} days"
            : size.TotalHours >= 2 ? $"{Math.Floor(size.TotalHours):0} hours"
            : $"{Math.Floor(size.TotalMinutes):0} minutes";
        return skew > TimeSpan.Zero ? $"{amount} ahead of" : $"{amount} behind";
    }
}
