namespace OutcomeLedger.Api;

/// <summary>
/// Where the server listens, in the usual order: <c>--urls</c>, else <c>ASPNETCORE_URLS</c>, else an
/// <c>appsettings.json</c> (the ledger folder's, else the working folder's) with <c>Kestrel:Endpoints</c> or
/// <c>Urls</c>, else loopback (<see cref="LedgerServerOptions.DefaultUrl"/>). <see cref="Source"/> says which, for
/// messages; with Kestrel endpoints, <see cref="Urls"/> is empty and Kestrel binds <see cref="KestrelSection"/>.
/// </summary>
public sealed record ListenAddresses(IReadOnlyList<string> Urls, IConfigurationSection? KestrelSection, string Source)
{
    /// <summary>The settings file a ledger folder (or the working folder) may hold.</summary>
    public const string SettingsFile = "appsettings.json";

    /// <summary>The addresses <paramref name="given"/> on the command line, else those of the next level that names any.</summary>
    public static ListenAddresses Resolve(IReadOnlyList<string>? given, string? environmentUrls, IConfiguration settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (given is { Count: > 0 })
        {
            return new ListenAddresses(given, null, "--urls");
        }

        if (Split(environmentUrls) is { Count: > 0 } fromEnvironment)
        {
            return new ListenAddresses(fromEnvironment, null, "ASPNETCORE_URLS");
        }

        var kestrel = settings.GetSection("Kestrel");
        if (kestrel.GetSection("Endpoints").GetChildren().Any())
        {
            return new ListenAddresses([], kestrel, SettingsFile + " Kestrel:Endpoints");
        }

        return Split(settings["Urls"]) is { Count: > 0 } fromSettings
            ? new ListenAddresses(fromSettings, null, SettingsFile + " Urls")
            : new ListenAddresses([LedgerServerOptions.DefaultUrl], null, "the default");
    }

    /// <summary>The settings the addresses are read from: the ledger folder's <see cref="SettingsFile"/> when it has one, else <paramref name="host"/>'s (the working folder's).</summary>
    public static IConfiguration Settings(string? ledgerFolder, IConfiguration host)
    {
        var file = ledgerFolder is null ? null : Path.GetFullPath(Path.Combine(ledgerFolder, SettingsFile));
        return file is not null && File.Exists(file)
            ? new ConfigurationBuilder().AddJsonFile(file, optional: false, reloadOnChange: false).Build()
            : host;
    }

    // ASPNETCORE_URLS and Urls list addresses separated by ';'.
    static List<string> Split(string? urls) =>
        urls is null ? [] : [.. urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
