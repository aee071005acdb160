namespace OutcomeLedger.Core.Text;

public sealed partial class PackText
{
    public static PackText Spanish { get; } = new()
    {
        DefaultTitle = "{agreement}: en qué punto están los compromisos",
        Subtitle = "Al {date} · punto de control {size} de {origin}",
        SummaryHeading = "Los compromisos de un vistazo",
        SummaryIntro = "Cada compromiso se califica en dos ejes: lo que dicen los datos y cuánto de ello ha confirmado la otra parte o un verificador. La calificación de una palabra combina ambos.",
        SinceHeading = "Desde el punto de control {size} ({date})",
        SinceColumn = "Desde el {date}",
        ChangeNone = "sin cambios",
        ChangeNew = "nuevo desde entonces",
        ChangeRating = "calificación {from} → {to}",
        ChangeFinding = "los datos dicen {from} → {to}",
        ChangeValues = new("{n} valor nuevo", "{n} valores nuevos"),
        ChangeConfirmed = new("{n} confirmado más", "{n} confirmados más"),
        ChangeStatements = new("{n} declaración nueva", "{n} declaraciones nuevas"),
        ChangeDisputesOpened = new("{n} controversia abierta", "{n} controversias abiertas"),
        ChangeDisputesClosed = new("{n} controversia cerrada", "{n} controversias cerradas"),
        NextHeading = "Qué se necesita ahora",
        KeyFigures = "Cifras clave",
        LatestValue = "Último valor ({period})",
        ObservedChangeFigure = "{value} (de {lower} a {upper}), {from} – {to}",
        TargetFigure = "{value} para el {date}",
        NoOpenDispute = "Ninguna controversia abierta.",
        DisputedBy = "Impugnado por",
        RoundedNote = "Las cifras se redondean para su lectura; el JSON de la evaluación del mismo punto de control las guarda exactas, cada una con su entrada del registro.",
        AnnexHeading = "Anexo: cómo comprobar este informe",
        AnnexIntro = "Cada cifra de este informe sale del registro en el punto de control indicado abajo. Quien tenga el registro, o sus teselas publicadas, puede comprobar las firmas y recalcular cada calificación.",
        LogTime = "Hora del registro",
        LogKey = "Clave de verificación del registro",
        LogSignature = "clave del registro",
        ScorecardSha256 = "SHA-256 del JSON de la evaluación",
        CommandsHeading = "Comandos para verificar",
        CommandsIntro = "Ejecútelos en la carpeta del registro, o añada {option} con su carpeta:",
        CommandScorecard = "Escribe la evaluación de este punto de control en JSON; su SHA-256 es el indicado arriba.",
        CommandVerify = "Comprueba sus firmas y cada entrada que cita, y la recalcula para comprobar que coincide exactamente.",
        CommandTiles = "Comprueba todo el registro publicado (teselas estáticas) contra su punto de control firmado.",
        CommandLog = "Comprueba el registro guardado contra sus propios hash, firmas y puntos de control.",
        PageOf = "Página {page} de {pages}",
    };
}
