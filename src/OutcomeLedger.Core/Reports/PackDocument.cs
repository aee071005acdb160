namespace OutcomeLedger.Core.Reports;

/// <summary>
/// The ministerial pack, ready to typeset: its blocks in reading order with every word final, and what the file's
/// metadata says. Built by <see cref="PackBuilder"/> from scorecards alone; a renderer (the PDF in OutcomeLedger.Pack)
/// only lays it out, so the same checkpoint gives the same document.
/// </summary>
public sealed record PackDocument
{
    public required string Title { get; init; }

    /// <summary>The agreement and checkpoint, for the file's subject.</summary>
    public required string Subject { get; init; }

    /// <summary>"en" or "es".</summary>
    public required string Language { get; init; }

    /// <summary>The checkpoint's log time (else the scorecard's "as of" date): the file's creation and modification time.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>The footer's page numbering, with <c>{page}</c> and <c>{pages}</c>.</summary>
    public required string PageOf { get; init; }

    /// <summary>The footer's left side: the agreement and the checkpoint.</summary>
    public required string Footer { get; init; }

    public required IReadOnlyList<PackBlock> Blocks { get; init; }
}
