namespace OutcomeLedger.Cli.Tests.Commands.Serve;

/// <summary>The delegated-key options fail before the server starts, naming what is wrong and never a key.</summary>
public sealed class ServeCommandTests : IDisposable
{
    readonly TempFolder _temp = new();

    [Theory]
    [InlineData("us")]
    [InlineData("=keys/us.key")]
    [InlineData("us=")]
    public void Serve_DelegatedKeyNotPartyEqualsFile_UsageError(string value)
    {
        CliRun.Invoke("serve", "--ledger", _temp.Path, "--urls", "http://127.0.0.1:0", "--delegated-key", value)
            .AssertFails(ExitCodes.Usage, "--delegated-key takes <party>=<key file>");
    }

    [Fact]
    public void Serve_DelegatedKeyReadableByOthers_EnvironmentErrorNamingTheFile()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes");
            return;
        }

        var path = _temp["us.key"];
        File.WriteAllText(path, "ed25519:" + Convert.ToBase64String(new byte[32]) + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);

        var run = CliRun.Invoke("serve", "--ledger", _temp.Path, "--urls", "http://127.0.0.1:0", "--delegated-key", "us=" + path)
            .AssertFails(ExitCodes.Environment, path, "chmod 600");
        Assert.DoesNotContain(Convert.ToBase64String(new byte[32]), run.Error, StringComparison.Ordinal);
    }

    // Issue 15, Deliver 1.
    [Theory]
    [InlineData("--urls|https://127.0.0.1:0", "an https:// address needs --certificate and --certificate-key")]
    [InlineData("--certificate|tls.crt", "--certificate and --certificate-key go together")]
    [InlineData("--trust-proxy|proxy.example", "--trust-proxy: 'proxy.example' is not an IP address or network")]
    [InlineData("--trust-proxy|10.0.0.0/33", "--trust-proxy: '10.0.0.0/33' is not an IP address or network")]
    public void Serve_HttpsOrProxyOptionsIncomplete_UsageErrorBeforeListening(string option, string error)
    {
        CliRun.Invoke(["serve", "--ledger", _temp.Path, .. option.Split('|')]).AssertFails(ExitCodes.Usage, error);
    }

    // Issue 16, Deliver 1: a witness is <url>=<cosignature/v1 verifier key>.
    [Theory]
    [InlineData("--witness|http://127.0.0.1:5090", "--witness: a witness is <url>=<its cosignature/v1 verifier key>")]
    [InlineData("--witness|ftp://w.example=w.example/w1+01020304+BAAA", "--witness: the witness URL must be an absolute http:// or https:// URL")]
    [InlineData("--witness|http://w.example=not-a-key", "--witness: the witness key:")]
    [InlineData("--witness|http://w.example=example.com/go-tlog+c5dbb9d0+AQOhB7/zzhC+HXDdGOdLwJln5NYwm6UNXx3chmQSVTG4", "is not a cosignature/v1 key")]
    [InlineData("--witness-quorum|-1", "--witness-quorum must be 0 or more")]
    public void Serve_WitnessOptionsWrong_UsageErrorBeforeListening(string option, string error)
    {
        CliRun.Invoke(["serve", "--ledger", _temp.Path, "--urls", "http://127.0.0.1:0", .. option.Split('|')]).AssertFails(ExitCodes.Usage, error);
    }

    // Issue 15, Deliver 3: the operator's options are checked before anything listens.
    [Theory]
    [InlineData("--log-format|xml", "--log-format takes text or json, not 'xml'")]
    [InlineData("--max-checkpoint-age|5x", "--max-checkpoint-age takes a positive duration such as 90s, 5m or 1h, not '5x'")]
    [InlineData("--max-checkpoint-age|0s", "--max-checkpoint-age takes a positive duration")]
    [InlineData("--max-checkpoint-age|-5m", "--max-checkpoint-age takes a positive duration")]
    public void Serve_OperationsOptionsWrong_UsageErrorBeforeListening(string option, string error)
    {
        CliRun.Invoke(["serve", "--ledger", _temp.Path, "--urls", "http://127.0.0.1:0", .. option.Split('|')]).AssertFails(ExitCodes.Usage, error);
    }

    [Theory]
    [InlineData("90", 90)]
    [InlineData("90s", 90)]
    [InlineData("5m", 300)]
    [InlineData("2H", 7200)]
    public void ParseDuration_WholeUnits_Seconds(string text, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), OutcomeLedger.Cli.Commands.Serve.OperationsOptions.ParseDuration(text, "--max-checkpoint-age"));
        Assert.Null(OutcomeLedger.Cli.Commands.Serve.OperationsOptions.ParseDuration(null, "--max-checkpoint-age"));
    }

    public void Dispose() => _temp.Dispose();
}
