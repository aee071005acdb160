using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Sessions;

/// <summary>
/// Two checkpoints to compare, each a checkpoint size or a date (<c>yyyy-MM-dd</c>: the latest checkpoint logged on or
/// before that day): <see cref="From"/>, and <see cref="To"/> (the latest checkpoint when null). Reasons are in
/// <see cref="Language"/>.
/// </summary>
public sealed record DiffRequest
{
    public required string From { get; init; }

    public string? To { get; init; }

    public ScorecardLanguage Language { get; init; } = ScorecardLanguage.English;
}
