namespace OutcomeLedger.Core.Text;

public sealed partial class ExportText
{
    public static ExportText English { get; } = new()
    {
        CommitmentId = "Commitment id",
        ConfirmedShare = "Confirmed share (%)",
        OpenDisputes = "Open disputes",
        CheckpointSize = "Checkpoint size",
        PeriodStart = "Period start",
        ValueReported = "Value reported",
        ValueStanding = "Value standing",
        Superseded = "superseded",
        Attestations = "Attestations",
        LeafHash = "Leaf hash",
        Downloads = "Download the data:",
        DownloadXlsx = "spreadsheet (xlsx)",
        DownloadCsv = "summary (CSV)",
        DemoWorkbook = "(every value with its log entry, for spreadsheets)",
    };
}
