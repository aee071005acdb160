using OutcomeLedger.Core.Scorecards;

namespace OutcomeLedger.Api.Features.Dashboard;

/// <summary>
/// The dashboard's words in English and Spanish; the scorecards' own words (ratings, statuses, verdicts, dates and
/// numbers) come from <see cref="ScorecardText"/>, so both say the same thing the same way. Templates with <c>{0}</c> (such as
/// <see cref="AtCheckpoint"/>) are filled by <see cref="DashboardRequest.Format"/> in the invariant culture.
/// </summary>
internal sealed record DashboardText
{
    public required ScorecardLanguage Language { get; init; }

    public required string Code { get; init; }

    public required string Agreements { get; init; }

    public required string Log { get; init; }

    public required string Submit { get; init; }

    public required string OtherLanguage { get; init; }

    public required string OtherCode { get; init; }

    public required string SkipToContent { get; init; }

    public required string Navigation { get; init; }

    public required string AgreementsIntro { get; init; }

    public required string Commitment { get; init; }

    public required string Rating { get; init; }

    public required string Reason { get; init; }

    public required string CommitmentsCaption { get; init; }

    public required string FullScorecard { get; init; }

    public required string AtCheckpoint { get; init; }

    public required string AgreementLabel { get; init; }

    public required string EvaluatedAt { get; init; }

    public required string LoggedAt { get; init; }

    public required string CheckEntry { get; init; }

    public required string NotFound { get; init; }

    public required string CommitmentNotFound { get; init; }

    public required string IndicatorNotFound { get; init; }

    public required string TimelineExplain { get; init; }

    public required string MeasurementsAndEvidence { get; init; }

    public required string ChartCaption { get; init; }

    public required string ChartData { get; init; }

    public required string ReportedBy { get; init; }

    public required string OtherFigure { get; init; }

    public required string EntryColumn { get; init; }

    public required string Measurements { get; init; }

    public required string MeasurementsCaption { get; init; }

    public required string Value { get; init; }

    public required string Evidence { get; init; }

    public required string Reporter { get; init; }

    public required string SupersededBy { get; init; }

    public required string Link { get; init; }

    public required string AtLine { get; init; }

    public required string NotDeposited { get; init; }

    public required string LogIntro { get; init; }

    public required string LatestCheckpoint { get; init; }

    public required string Origin { get; init; }

    public required string TreeSize { get; init; }

    public required string RootHash { get; init; }

    public required string SignedNote { get; init; }

    public required string Cosignatures { get; init; }

    public required string NoCosignatures { get; init; }

    public required string CosignaturesCaption { get; init; }

    public required string Witness { get; init; }

    public required string KeyId { get; init; }

    public required string CosignedAt { get; init; }

    public required string VerifyTitle { get; init; }

    public required string EntryIndex { get; init; }

    public required string Verify { get; init; }

    public required string VerifyExplain { get; init; }

    public required string SignIn { get; init; }

    public required string SignOut { get; init; }

    public required string SignedInAs { get; init; }

    public required string Token { get; init; }

    public required string SignInExplain { get; init; }

    public required string SignInFailed { get; init; }

    public required string SignInFirst { get; init; }

    public required string FormExpired { get; init; }

    public required string SubmitExplain { get; init; }

    public required string NoDelegatedKey { get; init; }

    public required string Refused { get; init; }

    public required string ShuttingDown { get; init; }

    public required string Logged { get; init; }

    public required string AlreadyLogged { get; init; }

    public required string NewMeasurement { get; init; }

    public required string NewAttestation { get; init; }

    public required string NewStatement { get; init; }

    public required string NoIndicators { get; init; }

    public required string IndicatorLabel { get; init; }

    public required string PeriodLabel { get; init; }

    public required string PeriodHint { get; init; }

    public required string ValueHint { get; init; }

    public required string DimensionsLabel { get; init; }

    public required string DimensionsHint { get; init; }

    public required string DatasetLabel { get; init; }

    public required string SourceUrlLabel { get; init; }

    public required string NoteLabel { get; init; }

    public required string SupersedesLabel { get; init; }

    public required string SupersedesHint { get; init; }

    public required string SubmitMeasurement { get; init; }

    public required string MeasurementEntryLabel { get; init; }

    public required string MeasurementEntryHint { get; init; }

    public required string VerdictLabel { get; init; }

    public required string FigureLabel { get; init; }

    public required string FigureHint { get; init; }

    public required string ReasonLabel { get; init; }

    public required string SubmitAttestation { get; init; }

    public required string StatementIdLabel { get; init; }

    public required string StatementIdHint { get; init; }

    public required string DateLabel { get; init; }

    public required string TitleLabel { get; init; }

    public required string SpeakerLabel { get; init; }

    public required string KindLabel { get; init; }

    public required string QuoteLabel { get; init; }

    public required string QuoteLangLabel { get; init; }

    public required string QuoteLangHint { get; init; }

    public required string SubmitStatement { get; init; }

    public required string FieldRequired { get; init; }

    public required string FieldTooLong { get; init; }

    public required string FieldNotNumber { get; init; }

    public required string FieldNotDate { get; init; }

    public required string FieldNotPeriod { get; init; }

    public required string FieldDimensions { get; init; }

    public required string Empty { get; init; }

    public required string Attest { get; init; }

    public static DashboardText English { get; } = new()
    {
        Language = ScorecardLanguage.English,
        Code = "en",
        Agreements = "Agreements",
        Log = "Log",
        Submit = "Submit",
        OtherLanguage = "Español",
        OtherCode = "es",
        SkipToContent = "Skip to content",
        Navigation = "Main",
        AgreementsIntro = "What the governments committed to, and how each commitment is rated by measured results at the log's latest checkpoint. Follow a commitment for its statements, charts and evidence.",
        Commitment = "Commitment",
        Rating = "Rating",
        Reason = "Why",
        CommitmentsCaption = "Commitments, their ratings and the reasons",
        FullScorecard = "Full scorecard",
        AtCheckpoint = "checkpoint of {0} entries",
        AgreementLabel = "Agreement",
        EvaluatedAt = "Evaluated at",
        LoggedAt = "Log entry",
        CheckEntry = "check this entry's inclusion proof",
        NotFound = "Not found",
        CommitmentNotFound = "Commitment '{0}' is not in the log.",
        IndicatorNotFound = "Indicator '{0}' is not in the log.",
        TimelineExplain = "Each statement is numbered at its date on the same time axis as the charts below (the numbered circles at their top), so what was said lines up with what was measured.",
        MeasurementsAndEvidence = "All measurements, sources and evidence",
        ChartCaption = "{0} — {1}: {2} values, {3} counted, {4} under dispute. Shapes mark verification status; the table below holds the same data.",
        ChartData = "The chart's data as a table ({0} values)",
        ReportedBy = "Reported",
        OtherFigure = "Other figure",
        EntryColumn = "Entry",
        Measurements = "Measurements",
        MeasurementsCaption = "Every logged measurement ({0}), corrections included",
        Value = "Value",
        Evidence = "Evidence",
        Reporter = "Reported by",
        SupersededBy = "superseded by",
        Link = "link",
        AtLine = ", line {0}",
        NotDeposited = "Not deposited on this server: only its SHA-256 is logged",
        LogIntro = "The log is append-only: every record is an entry in a Merkle tree (RFC 9162), and the server signs its root as a checkpoint. Witnesses cosign checkpoints so that nobody can later show a different history.",
        LatestCheckpoint = "Latest checkpoint",
        Origin = "Origin",
        TreeSize = "Entries",
        RootHash = "Root hash (SHA-256, base64)",
        SignedNote = "The signed checkpoint",
        Cosignatures = "Cosignatures",
        NoCosignatures = "No witness has cosigned this checkpoint yet.",
        CosignaturesCaption = "Witnesses that cosigned this checkpoint",
        Witness = "Witness",
        KeyId = "Key id",
        CosignedAt = "Cosigned at",
        VerifyTitle = "Check that an entry is in the log",
        EntryIndex = "Entry number",
        Verify = "Verify",
        VerifyExplain = "Your browser fetches the entry and its inclusion proof, hashes them with SHA-256 (WebCrypto) and checks that they lead to the root hash of the checkpoint. Nothing is sent anywhere else.",
        SignIn = "Sign in",
        SignOut = "Sign out",
        SignedInAs = "Signed in as {0}",
        Token = "API token",
        SignInExplain = "Analysts sign in with their party's API token (from 'outcomes token create'). The token is kept in a cookie only this server can read; it is never shown in a page.",
        SignInFailed = "Sign-in failed:",
        SignInFirst = "Sign in first: your session has ended or the token was revoked.",
        FormExpired = "The form has expired or did not come from this site. Reload the page and submit it again.",
        SubmitExplain = "You write as party '{0}' ({1}). The server signs each record with the key your party delegated to it and logs it after the same checks as the API: a party writes only as itself and never attests its own measurements.",
        NoDelegatedKey = "Party '{0}' has not delegated a signing key to this server, so it cannot sign for you. Sign entries with the outcomes CLI, or ask the operator to start the server with --delegated-key {0}=<key file>.",
        Refused = "Refused:",
        ShuttingDown = "The server is shutting down; submit again in a moment.",
        Logged = "Logged as entry {0} (checkpoint of {1} entries).",
        AlreadyLogged = "Already in the log as entry {0} (checkpoint of {1} entries).",
        NewMeasurement = "Report a measurement",
        NewAttestation = "Attest a measurement",
        NewStatement = "Record a statement",
        NoIndicators = "Your party reports no indicator yet.",
        IndicatorLabel = "Indicator",
        PeriodLabel = "Period",
        PeriodHint = "YYYY-MM, YYYY-Qn or YYYY, as the indicator's period type",
        ValueHint = "A number, with a decimal point",
        DimensionsLabel = "Dimensions",
        DimensionsHint = "Optional: key=value; key=value",
        DatasetLabel = "Source dataset",
        SourceUrlLabel = "Source address (URL)",
        NoteLabel = "Note",
        SupersedesLabel = "Corrects entry",
        SupersedesHint = "Optional: the entry number of the value this one corrects",
        SubmitMeasurement = "Sign and submit the measurement",
        MeasurementEntryLabel = "Measurement entry",
        MeasurementEntryHint = "The entry number shown beside the value in the measurement tables",
        VerdictLabel = "Verdict",
        FigureLabel = "Your figure",
        FigureHint = "Required for a dispute (your own figure) and a resolution (the figure that stands)",
        ReasonLabel = "Reason",
        SubmitAttestation = "Sign and submit the attestation",
        StatementIdLabel = "Statement id",
        StatementIdHint = "Lowercase letters, digits and dashes, e.g. press-release-2026-03-01",
        DateLabel = "Date",
        TitleLabel = "Title",
        SpeakerLabel = "Speaker",
        KindLabel = "Kind",
        QuoteLabel = "Verbatim quote",
        QuoteLangLabel = "Language of the quote",
        QuoteLangHint = "A language tag: en, es…",
        SubmitStatement = "Sign and submit the statement",
        FieldRequired = "'{0}' is required.",
        FieldTooLong = "'{0}' is longer than {1} characters.",
        FieldNotNumber = "'{0}' is not a number.",
        FieldNotDate = "'{0}' is not a date (YYYY-MM-DD).",
        FieldNotPeriod = "'{0}' is not a period (YYYY-MM, YYYY-Qn or YYYY).",
        FieldDimensions = "'{0}' must be key=value pairs separated by ';'.",
        Empty = "Nothing yet.",
        Attest = "attest",
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
        SkipToContent = "Ir al contenido",
        Navigation = "Principal",
        AgreementsIntro = "Lo que los gobiernos se comprometieron a hacer, y cómo se califica cada compromiso según los resultados medidos en el último punto de control del registro. Abra un compromiso para ver sus declaraciones, gráficas y evidencias.",
        Commitment = "Compromiso",
        Rating = "Calificación",
        Reason = "Por qué",
        CommitmentsCaption = "Compromisos, sus calificaciones y las razones",
        FullScorecard = "Evaluación completa",
        AtCheckpoint = "punto de control de {0} entradas",
        AgreementLabel = "Acuerdo",
        EvaluatedAt = "Evaluado en",
        LoggedAt = "Entrada del registro",
        CheckEntry = "comprobar la prueba de inclusión de esta entrada",
        NotFound = "No encontrado",
        CommitmentNotFound = "El compromiso '{0}' no está en el registro.",
        IndicatorNotFound = "El indicador '{0}' no está en el registro.",
        TimelineExplain = "Cada declaración lleva un número en su fecha, sobre el mismo eje temporal que las gráficas de abajo (los círculos numerados en su parte superior), para comparar lo dicho con lo medido.",
        MeasurementsAndEvidence = "Todas las mediciones, fuentes y evidencias",
        ChartCaption = "{0} — {1}: {2} valores, {3} contabilizados, {4} en disputa. Las formas indican el estado de verificación; la tabla de abajo contiene los mismos datos.",
        ChartData = "Los datos de la gráfica en una tabla ({0} valores)",
        ReportedBy = "Reportado",
        OtherFigure = "Otra cifra",
        EntryColumn = "Entrada",
        Measurements = "Mediciones",
        MeasurementsCaption = "Todas las mediciones registradas ({0}), con sus correcciones",
        Value = "Valor",
        Evidence = "Evidencia",
        Reporter = "Reporta",
        SupersededBy = "sustituida por",
        Link = "enlace",
        AtLine = ", línea {0}",
        NotDeposited = "No depositada en este servidor: solo se registra su SHA-256",
        LogIntro = "El registro solo admite añadidos: cada registro es una entrada de un árbol de Merkle (RFC 9162) y el servidor firma su raíz como punto de control. Los testigos cofirman los puntos de control para que nadie pueda mostrar después otra historia.",
        LatestCheckpoint = "Último punto de control",
        Origin = "Origen",
        TreeSize = "Entradas",
        RootHash = "Hash raíz (SHA-256, base64)",
        SignedNote = "El punto de control firmado",
        Cosignatures = "Cofirmas",
        NoCosignatures = "Ningún testigo ha cofirmado aún este punto de control.",
        CosignaturesCaption = "Testigos que cofirmaron este punto de control",
        Witness = "Testigo",
        KeyId = "Id de clave",
        CosignedAt = "Cofirmado el",
        VerifyTitle = "Comprobar que una entrada está en el registro",
        EntryIndex = "Número de entrada",
        Verify = "Verificar",
        VerifyExplain = "Su navegador descarga la entrada y su prueba de inclusión, las procesa con SHA-256 (WebCrypto) y comprueba que conducen al hash raíz del punto de control. No se envía nada a ningún otro sitio.",
        SignIn = "Iniciar sesión",
        SignOut = "Cerrar sesión",
        SignedInAs = "Sesión de {0}",
        Token = "Token de API",
        SignInExplain = "Los analistas inician sesión con el token de API de su parte (de 'outcomes token create'). El token se guarda en una cookie que solo este servidor puede leer; nunca se muestra en una página.",
        SignInFailed = "No se pudo iniciar sesión:",
        SignInFirst = "Inicie sesión primero: su sesión terminó o el token fue revocado.",
        FormExpired = "El formulario caducó o no procede de este sitio. Recargue la página y envíelo de nuevo.",
        SubmitExplain = "Escribe como la parte '{0}' ({1}). El servidor firma cada registro con la clave que su parte le delegó y lo registra tras las mismas comprobaciones que la API: una parte solo escribe en su propio nombre y nunca atestigua sus propias mediciones.",
        NoDelegatedKey = "La parte '{0}' no ha delegado una clave de firma a este servidor, así que no puede firmar por usted. Firme las entradas con la CLI outcomes, o pida al operador que inicie el servidor con --delegated-key {0}=<archivo de clave>.",
        Refused = "Rechazado:",
        ShuttingDown = "El servidor se está deteniendo; envíe de nuevo en un momento.",
        Logged = "Registrado como entrada {0} (punto de control de {1} entradas).",
        AlreadyLogged = "Ya está en el registro como entrada {0} (punto de control de {1} entradas).",
        NewMeasurement = "Reportar una medición",
        NewAttestation = "Atestiguar una medición",
        NewStatement = "Registrar una declaración",
        NoIndicators = "Su parte aún no reporta ningún indicador.",
        IndicatorLabel = "Indicador",
        PeriodLabel = "Periodo",
        PeriodHint = "AAAA-MM, AAAA-Tn o AAAA, según el tipo de periodo del indicador",
        ValueHint = "Un número, con punto decimal",
        DimensionsLabel = "Dimensiones",
        DimensionsHint = "Opcional: clave=valor; clave=valor",
        DatasetLabel = "Conjunto de datos de origen",
        SourceUrlLabel = "Dirección de la fuente (URL)",
        NoteLabel = "Nota",
        SupersedesLabel = "Corrige la entrada",
        SupersedesHint = "Opcional: el número de entrada del valor que este corrige",
        SubmitMeasurement = "Firmar y enviar la medición",
        MeasurementEntryLabel = "Entrada de la medición",
        MeasurementEntryHint = "El número de entrada que aparece junto al valor en las tablas de mediciones",
        VerdictLabel = "Veredicto",
        FigureLabel = "Su cifra",
        FigureHint = "Obligatoria para una disputa (su propia cifra) y una resolución (la cifra vigente)",
        ReasonLabel = "Razón",
        SubmitAttestation = "Firmar y enviar la atestación",
        StatementIdLabel = "Id de la declaración",
        StatementIdHint = "Minúsculas, dígitos y guiones, p. ej. comunicado-2026-03-01",
        DateLabel = "Fecha",
        TitleLabel = "Título",
        SpeakerLabel = "Orador",
        KindLabel = "Tipo",
        QuoteLabel = "Cita textual",
        QuoteLangLabel = "Idioma de la cita",
        QuoteLangHint = "Una etiqueta de idioma: es, en…",
        SubmitStatement = "Firmar y enviar la declaración",
        FieldRequired = "'{0}' es obligatorio.",
        FieldTooLong = "'{0}' tiene más de {1} caracteres.",
        FieldNotNumber = "'{0}' no es un número.",
        FieldNotDate = "'{0}' no es una fecha (AAAA-MM-DD).",
        FieldNotPeriod = "'{0}' no es un periodo (AAAA-MM, AAAA-Tn o AAAA).",
        FieldDimensions = "'{0}' deben ser pares clave=valor separados por ';'.",
        Empty = "Nada todavía.",
        Attest = "atestiguar",
    };

    public ScorecardText Scorecard => ScorecardText.For(Language);

    public static DashboardText For(string code) => code == "es" ? Spanish : English;
}
