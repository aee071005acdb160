namespace OutcomeLedger.Cli.Commands.Stats;

/// <summary>One thing wrong with an input file, located by line and field.</summary>
internal sealed record CsvProblem(string File, int Line, string Field, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Field}: {Message}";
}
