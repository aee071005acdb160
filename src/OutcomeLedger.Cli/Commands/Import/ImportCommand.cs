using System.CommandLine;

namespace OutcomeLedger.Cli.Commands.Import;

/// <summary><c>outcomes import</c>: published data files into an indicator's measurements, all or nothing.</summary>
internal static class ImportCommand
{
    public static Command Create() => new("import", "Import measurements from CBP, CDC or any CSV file (all or nothing; re-importing adds nothing)")
    {
        CbpCommand.Create(), CdcCommand.Create(), CsvCommand.Create(),
    };
}
