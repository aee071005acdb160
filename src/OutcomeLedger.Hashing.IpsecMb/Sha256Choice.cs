using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Hashing.IpsecMb;

/// <summary>
/// The batch SHA-256 a host passes to the log's code, and one line saying which it is: intel-ipsec-mb's multi-buffer
/// SHA-256 when the library loads and passes its self-test, otherwise .NET's. <c>OUTCOMES_SHA256=dotnet</c> forces
/// .NET's. Both give the same digests; only the speed differs.
/// </summary>
public sealed class Sha256Choice
{
    /// <summary>The environment variable hosts read: <see cref="Managed"/>, or unset (or <see cref="Automatic"/>) for the fastest.</summary>
    public const string EnvironmentVariable = "OUTCOMES_SHA256";

    /// <summary>The setting that forces .NET's SHA-256.</summary>
    public const string Managed = "dotnet";

    /// <summary>The setting (also the default) that takes intel-ipsec-mb's SHA-256 when it is usable.</summary>
    public const string Automatic = "auto";

    readonly Func<string> _description;

    Sha256Choice(IBatchSha256 hasher, Func<string> description)
    {
        Hasher = hasher;
        _description = description;
    }

    /// <summary>The implementation chosen.</summary>
    public IBatchSha256 Hasher { get; }

    /// <summary>
    /// For diagnostics: which SHA-256 hashes batches, and why not the multi-buffer one if it does not. Under the
    /// automatic setting, asking loads the native library if no batch has yet.
    /// </summary>
    public string Description => _description();

    /// <summary>The choice <c>$OUTCOMES_SHA256</c> asks for.</summary>
    public static Sha256Choice FromEnvironment() => For(Environment.GetEnvironmentVariable(EnvironmentVariable));

    /// <summary>
    /// The choice a setting asks for: <see cref="Managed"/> gives .NET's SHA-256; null, empty or <see cref="Automatic"/>
    /// the multi-buffer one when it is usable, loaded on the first batch large enough to gain from it. A setting not understood is said in the description and treated as
    /// automatic: the digests are the same either way.
    /// </summary>
    public static Sha256Choice For(string? setting)
    {
        var platform = PlatformBatchSha256.Instance;
        if (string.Equals(setting, Managed, StringComparison.OrdinalIgnoreCase))
        {
            var managed = $"{platform.Description}; {EnvironmentVariable}={Managed}";
            return new(platform, () => managed);
        }

        var note = string.IsNullOrEmpty(setting) || string.Equals(setting, Automatic, StringComparison.OrdinalIgnoreCase)
            ? ""
            : $" ({EnvironmentVariable}={setting} is neither {Managed} nor {Automatic}: taken as {Automatic})";
        var deferred = new DeferredMultiBuffer(note);
        return new(deferred, () => deferred.Description);
    }

    /// <summary>
    /// intel-ipsec-mb's SHA-256 whatever the setting, or null with the reason it cannot be used: for benchmarks and
    /// tests that compare the two implementations. Loaded once per process, on first use.
    /// </summary>
    public static IBatchSha256? MultiBuffer(out string reason) => IpsecMbSha256.TryLoad(out reason);
}
