using OutcomeLedger.Core.Scorecards;

namespace OutcomeLedger.Api.Features.Dashboard;

/// <summary>The dashboard's words in English and Spanish (the scorecards' own words come from ScorecardText).</summary>
internal sealed record DashboardText
{
    public required ScorecardLanguage Language { get; init; }

    public required string Code { get; init; }

    public required string Agreements { get; init; }

    public required string Log { get; init; }

    public required string Submit { get; init; }

    public required string OtherLanguage { get; init; }

    public required string OtherCode { get; init; }

    public required string Commitment { get; init; }

    public required string Rating { get; init; }

    public required string Reason { get; init; }

    public required string Indicators { get; init; }

    public required string Statements { get; init; }

    public required string FullScorecard { get; init; }

    public required string LoggedAt { get; init; }

    public required string LatestCheckpoint { get; init; }

    public required string Cosignatures { get; init; }

    public required string NoCosignatures { get; init; }

    public required string VerifyTitle { get; init; }

    public required string EntryIndex { get; init; }

    public required string Verify { get; init; }

    public required string VerifyExplain { get; init; }

    public required string SubmitExplain { get; init; }

    public required string Token { get; init; }

    public required string Entry { get; init; }

    public required string Send { get; init; }

    public required string Empty { get; init; }

    public static DashboardText English { get; } = new()
    {
        Language = ScorecardLanguage.English,
        Code = "en",
        Agreements = "Agreements",
        Log = "Log",
        Submit = "Submit",
        OtherLanguage = "Español",
        OtherCode = "es",
        Commitment = "Commitment",
        Rating = "Rating",
        Reason = "Why",
        Indicators = "Indicators",
        Statements = "Statements",
        FullScorecard = "Full scorecard",
        LoggedAt = "Logged as entry",
        LatestCheckpoint = "Latest checkpoint",
        Cosignatures = "Cosignatures",
        NoCosignatures = "No witness has cosigned this checkpoint yet.",
        VerifyTitle = "Check that an entry is in the log",
        EntryIndex = "Entry number",
        Verify = "Verify",
        VerifyExplain = "Your browser fetches the entry and its inclusion proof, hashes them with SHA-256 (WebCrypto) and checks that they lead to the root hash of the checkpoint. Nothing is sent anywhere else.",
        SubmitExplain = "Paste a signed entry (the DSSE envelope as produced by the outcomes CLI) and your party's API token. The server checks both; the token is sent only to this server and is not stored by the page.",
        Token = "API token",
        Entry = "Signed entry (JSON)",
        Send = "Submit",
        Empty = "Nothing yet.",
    };

    public static DashboardText Spanish { get; } = new()
    {
        Language = ScorecardLanguage.Spanish,
        Code = "es",
        Agreements = "Acuerdos",
        Log = "Registro",
        Submit = "Enviar",
        OtherLanguage = "English",
        OtherCode = "en",
        Commitment = "Compromiso",
        Rating = "Calificación",
        Reason = "Por qué",
        Indicators = "Indicadores",
        Statements = "Declaraciones",
        FullScorecard = "Evaluación completa",
        LoggedAt = "Registrado como entrada",
        LatestCheckpoint = "Último punto de control",
        Cosignatures = "Cofirmas",
        NoCosignatures = "Ningún testigo ha cofirmado aún este punto de control.",
        VerifyTitle = "Comprobar que una entrada está en el registro",
        EntryIndex = "Número de entrada",
        Verify = "Verificar",
        VerifyExplain = "Su navegador descarga la entrada y su prueba de inclusión, las procesa con SHA-256 (WebCrypto) y comprueba que conducen al hash raíz del punto de control. No se envía nada a ningún otro sitio.",
        SubmitExplain = "Pegue una entrada firmada (el sobre DSSE que produce la CLI outcomes) y el token de API de su parte. El servidor comprueba ambos; el token solo se envía a este servidor y la página no lo guarda.",
        Token = "Token de API",
        Entry = "Entrada firmada (JSON)",
        Send = "Enviar",
        Empty = "Nada todavía.",
    };

    public ScorecardText Scorecard => ScorecardText.For(Language);
}
