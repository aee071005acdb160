namespace OutcomeLedger.Core.Text;

public sealed partial class ChartText
{
    public static ChartText Spanish { get; } = new()
    {
        ProjectedTrend = "Tendencia proyectada sin el compromiso (regresión segmentada)",
        ProjectedTrendShort = "tendencia sin compromiso",
        FullHistory = "Historia completa",
        AssessmentWindowOnly = "Solo la ventana de evaluación",
        WindowShown = "Las gráficas muestran la ventana de evaluación, del {from} al {to}.",
        FullHistoryShown = "Las gráficas muestran la historia completa, del {from} al {to}.",
        Download = "Descargar:",
        DownloadSvg = "gráfica (SVG)",
        DownloadCsv = "datos (CSV)",
        LatestStatement = "Última declaración",
        NoStatement = "Aún no hay declaraciones registradas.",
        Sparkline = "Valores de {indicator} en la ventana de evaluación",
        Search = "Buscar",
        SearchButton = "Buscar",
        SearchPlaceholder = "declaraciones, compromisos, indicadores",
        SearchResults = "Resultados para «{query}»",
        NoResults = "No se encontró nada.",
        QueryTooLong = "La búsqueda es demasiado larga: {max} caracteres como máximo.",
        NewestFirst = "los más recientes primero",
        TokenHowTo = "Cómo obtener y usar un token",
        TokenStep1 = "Pida al operador del registro un token para su parte. El operador lo crea en el servidor con {command} y se lo entrega una sola vez, por un canal seguro.",
        TokenStep2 = "Pegue el token en el campo de abajo e inicie sesión. Se guarda en una cookie que solo este servidor puede leer y no vuelve a mostrarse en ninguna página.",
        TokenStep3 = "Después aparecen abajo los formularios que puede usar: lo que puede enviar depende del rol de su parte.",
        TokenStep4 = "Los programas usan el mismo token en la cabecera HTTP {header}. Cierre la sesión en un equipo compartido; pida al operador que revoque un token que pueda haberse filtrado.",
    };
}
