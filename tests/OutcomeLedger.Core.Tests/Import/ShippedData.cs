namespace OutcomeLedger.Core.Tests.Import;

/// <summary>The repository's data/ folder, copied beside the test assembly by the project file.</summary>
internal static class ShippedData
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "data");

    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    public static FileStream Open(string relativePath) => File.OpenRead(PathOf(relativePath));

    public const string CbpFy19To22 = "cbp/nationwide-drugs-fy19-fy22.csv";
    public const string CbpFy23To26 = "cbp/nationwide-drugs-fy23-fy26-dec.csv";
    public const string Cdc = "cdc/cdc_api_provisional_overdose_counts.csv";
    public const string MexicoTransfers = "mexico/mx_to_us_transfers.csv";
    public const string MexicoCabinet = "mexico/mx_gabinete_seguridad_cumulative_transcribed.csv";
}
