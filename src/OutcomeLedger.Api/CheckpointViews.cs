using System.Collections.Concurrent;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Scorecards;

namespace OutcomeLedger.Api;

/// <summary>What the server computed from the log at one checkpoint size: scorecards and renderings, exact for that size.</summary>
internal sealed class CheckpointViews(ulong size)
{
    public ulong Size { get; } = size;

    public ConcurrentDictionary<AgreementId, Scorecard> Scorecards { get; } = new();

    public ConcurrentDictionary<string, byte[]> Rendered { get; } = new(StringComparer.Ordinal);
}
