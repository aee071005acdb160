namespace OutcomeLedger.Cli;

/// <summary>The exit codes every command uses (ARCHITECTURE.md §7).</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int CheckFailed = 1;
    public const int Usage = 2;
    public const int Environment = 3;
}
