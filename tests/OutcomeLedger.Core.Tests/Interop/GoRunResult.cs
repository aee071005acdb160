namespace OutcomeLedger.Core.Tests.Interop;

/// <summary>What one run of a Go tool returned: 0 ok, 1 check failed, 2 usage (tests/interop/go/README.md).</summary>
public sealed record GoRunResult(int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The tool's one-line answer: stdout on success, stderr on failure. For assertion messages.</summary>
    public string Message => (Succeeded ? StandardOutput : StandardError).Trim();

    public override string ToString() => $"exit {ExitCode}: {StandardOutput.Trim()} {StandardError.Trim()}".Trim();
}
