using OutcomeLedger.Core.Evaluation;

namespace OutcomeLedger.Core.Reports;

/// <summary>A table cell: its text, drawn as the rating's badge when <see cref="Badge"/> is set, or as code, or in bold.</summary>
public sealed record PackCell(string Text)
{
    public Rating? Badge { get; init; }

    public bool Code { get; init; }

    public bool Strong { get; init; }

    public static implicit operator PackCell(string text) => new(text);
}
