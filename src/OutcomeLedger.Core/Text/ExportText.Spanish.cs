namespace OutcomeLedger.Core.Text;

public sealed partial class ExportText
{
    public static ExportText Spanish { get; } = new()
    {
        CommitmentId = "Identificador del compromiso",
        ConfirmedShare = "Proporción confirmada (%)",
        OpenDisputes = "Disputas abiertas",
        CheckpointSize = "Tamaño del punto de control",
        PeriodStart = "Inicio del periodo",
        ValueReported = "Valor reportado",
        ValueStanding = "Valor vigente",
        Superseded = "sustituido",
        Attestations = "Atestaciones",
        LeafHash = "Hash de la hoja",
        Downloads = "Descargar los datos:",
        DownloadXlsx = "hoja de cálculo (xlsx)",
        DownloadCsv = "resumen (CSV)",
        DemoWorkbook = "(cada valor con su entrada del registro, para hojas de cálculo)",
    };
}
