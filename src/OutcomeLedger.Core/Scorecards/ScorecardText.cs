using OutcomeLedger.Core.Evaluation;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Scorecards;

/// <summary>The words of a scorecard in one language: ratings, statuses and labels. Quotes are never translated.</summary>
public sealed class ScorecardText
{
    public static ScorecardText English { get; } = new()
    {
        Language = ScorecardLanguage.English,
        Code = "en",
        Format = LocalFormat.English,
        Title = "Scorecard",
        Summary = "Summary",
        Commitment = "Commitment",
        Rating = "Rating",
        Reason = "Reason",
        Indicator = "Indicator",
        Indicators = "Indicators",
        Statements = "Statements",
        Results = "Results",
        MadeOn = "Made on",
        Due = "Due",
        NoDueDate = "no due date",
        Responsible = "Responsible",
        Checkpoint = "Checkpoint",
        Origin = "Origin",
        TreeSize = "Log size",
        RootHash = "Root hash",
        SignedNote = "Signed checkpoint",
        AsOf = "As of",
        Policy = "Evaluation policy",
        DefaultPolicy = "no policy logged: the default policy applies",
        PolicyEntry = "policy entry",
        CountsTowardMet = "Counts toward MET",
        CountsTowardTrend = "Counts toward the other ratings",
        MinVerifiedShare = "Minimum confirmed share",
        SignificantChangeLabel = "Significant change",
        MinPeriods = "Minimum periods before / after",
        ConfidenceLevel = "Confidence level",
        RollupLabel = "Rollup",
        Entry = "entry",
        Period = "Period",
        Reported = "Reported",
        Stands = "Stands",
        Status = "Status",
        Counts = "Counts",
        Yes = "yes",
        No = "no",
        Baseline = "Baseline",
        Target = "Target",
        TargetPath = "Target path",
        Illustrative = "ILLUSTRATIVE target (an assumption, not agreed)",
        IllustrativeShort = "illustrative",
        Agreed = "agreed",
        Caveat = "Caveat",
        PairedWith = "Read together with",
        PairedReading = "Reading",
        Statistics = "Statistics behind the rating",
        SegmentedRegression = "Interrupted time series (segmented regression, Newey-West errors)",
        ChangeAtLast = "Change at the last period against the projected trend",
        PercentChange = "in percent",
        LevelChange = "Level change",
        SlopeChange = "Slope change per month",
        PreTrend = "Trend per month before",
        MonthEffects = "month effects",
        TrendTest = "Mann-Kendall trend test",
        SeasonalTrendTest = "Seasonal Mann-Kendall trend test",
        SensSlope = "Sen's slope per month",
        RelativeChangeLabel = "Relative change against the baseline",
        TargetPosition = "Position on the target path",
        Insufficient = "insufficient data",
        Disputes = "Disputes",
        Disputed = "disputed figure",
        ResolvedTo = "resolved to",
        Corrected = "corrects",
        Quote = "Quote",
        Source = "Source",
        Speaker = "Speaker",
        CommitmentMarker = "commitment",
        Legend = "Legend",
        Values = "values",
        CountedValues = "counted",
        ConfirmedValues = "confirmed",
        DisputedValues = "disputed",
        Total = "total",
        Unit = "Unit",
        DataSource = "Data source",
        VerificationProtocol = "Verification",
        CI = "CI",
        Provisional = "provisional",
        ChartAlt = "Chart of values by period",
        Expected = "expected",
        Latest = "latest",
        Achieved = "of the way to the target",
        TimeElapsed = "of the time elapsed",
        Lag = "lag",
        Footer = "Every figure names its log entry (index and leaf hash). Recompute this scorecard from the log at the checkpoint above with `outcomes verify`.",
    };

    public static ScorecardText Spanish { get; } = new()
    {
        Language = ScorecardLanguage.Spanish,
        Code = "es",
        Format = LocalFormat.Spanish,
        Title = "Evaluación de resultados",
        Summary = "Resumen",
        Commitment = "Compromiso",
        Rating = "Calificación",
        Reason = "Motivo",
        Indicator = "Indicador",
        Indicators = "Indicadores",
        Statements = "Declaraciones",
        Results = "Resultados",
        MadeOn = "Asumido el",
        Due = "Plazo",
        NoDueDate = "sin plazo",
        Responsible = "Responsables",
        Checkpoint = "Punto de control",
        Origin = "Origen",
        TreeSize = "Tamaño del registro",
        RootHash = "Hash raíz",
        SignedNote = "Punto de control firmado",
        AsOf = "Fecha de corte",
        Policy = "Política de evaluación",
        DefaultPolicy = "no hay política registrada: se aplica la política por defecto",
        PolicyEntry = "entrada de la política",
        CountsTowardMet = "Cuenta para CUMPLIDO",
        CountsTowardTrend = "Cuenta para las demás calificaciones",
        MinVerifiedShare = "Proporción mínima confirmada",
        SignificantChangeLabel = "Cambio significativo",
        MinPeriods = "Periodos mínimos antes / después",
        ConfidenceLevel = "Nivel de confianza",
        RollupLabel = "Agregación",
        Entry = "entrada",
        Period = "Periodo",
        Reported = "Reportado",
        Stands = "Vigente",
        Status = "Estado",
        Counts = "Cuenta",
        Yes = "sí",
        No = "no",
        Baseline = "Línea base",
        Target = "Meta",
        TargetPath = "Trayectoria a la meta",
        Illustrative = "Meta ILUSTRATIVA (un supuesto, no acordada)",
        IllustrativeShort = "ilustrativa",
        Agreed = "acordada",
        Caveat = "Advertencia",
        PairedWith = "Leer junto con",
        PairedReading = "Lectura",
        Statistics = "Estadística detrás de la calificación",
        SegmentedRegression = "Serie temporal interrumpida (regresión segmentada, errores de Newey-West)",
        ChangeAtLast = "Cambio en el último periodo respecto de la tendencia proyectada",
        PercentChange = "en porcentaje",
        LevelChange = "Cambio de nivel",
        SlopeChange = "Cambio de pendiente por mes",
        PreTrend = "Tendencia mensual previa",
        MonthEffects = "efectos de mes",
        TrendTest = "Prueba de tendencia de Mann-Kendall",
        SeasonalTrendTest = "Prueba estacional de tendencia de Mann-Kendall",
        SensSlope = "Pendiente de Sen por mes",
        RelativeChangeLabel = "Cambio relativo respecto de la línea base",
        TargetPosition = "Posición en la trayectoria a la meta",
        Insufficient = "datos insuficientes",
        Disputes = "Disputas",
        Disputed = "cifra en disputa",
        ResolvedTo = "resuelto en",
        Corrected = "corrige",
        Quote = "Cita",
        Source = "Fuente",
        Speaker = "Orador",
        CommitmentMarker = "compromiso",
        Legend = "Leyenda",
        Values = "valores",
        CountedValues = "contabilizados",
        ConfirmedValues = "confirmados",
        DisputedValues = "en disputa",
        Total = "total",
        Unit = "Unidad",
        DataSource = "Fuente de datos",
        VerificationProtocol = "Verificación",
        CI = "IC",
        Provisional = "preliminar",
        ChartAlt = "Gráfica de valores por periodo",
        Expected = "esperado",
        Latest = "más reciente",
        Achieved = "del camino a la meta",
        TimeElapsed = "del plazo transcurrido",
        Lag = "rezago",
        Footer = "Cada cifra indica su entrada en el registro (índice y hash de hoja). Recalcule esta evaluación a partir del registro en el punto de control indicado con `outcomes verify`.",
    };

    public required ScorecardLanguage Language { get; init; }

    /// <summary>The BCP 47 code: "en", "es".</summary>
    public required string Code { get; init; }

    public required LocalFormat Format { get; init; }

    public required string Title { get; init; }
    public required string Summary { get; init; }
    public required string Commitment { get; init; }
    public required string Rating { get; init; }
    public required string Reason { get; init; }
    public required string Indicator { get; init; }
    public required string Indicators { get; init; }
    public required string Statements { get; init; }
    public required string Results { get; init; }
    public required string MadeOn { get; init; }
    public required string Due { get; init; }
    public required string NoDueDate { get; init; }
    public required string Responsible { get; init; }
    public required string Checkpoint { get; init; }
    public required string Origin { get; init; }
    public required string TreeSize { get; init; }
    public required string RootHash { get; init; }
    public required string SignedNote { get; init; }
    public required string AsOf { get; init; }
    public required string Policy { get; init; }
    public required string DefaultPolicy { get; init; }
    public required string PolicyEntry { get; init; }
    public required string CountsTowardMet { get; init; }
    public required string CountsTowardTrend { get; init; }
    public required string MinVerifiedShare { get; init; }
    public required string SignificantChangeLabel { get; init; }
    public required string MinPeriods { get; init; }
    public required string ConfidenceLevel { get; init; }
    public required string RollupLabel { get; init; }
    public required string Entry { get; init; }
    public required string Period { get; init; }
    public required string Reported { get; init; }
    public required string Stands { get; init; }
    public required string Status { get; init; }
    public required string Counts { get; init; }
    public required string Yes { get; init; }
    public required string No { get; init; }
    public required string Baseline { get; init; }
    public required string Target { get; init; }
    public required string TargetPath { get; init; }
    public required string Illustrative { get; init; }
    public required string IllustrativeShort { get; init; }
    public required string Agreed { get; init; }
    public required string Caveat { get; init; }
    public required string PairedWith { get; init; }
    public required string PairedReading { get; init; }
    public required string Statistics { get; init; }
    public required string SegmentedRegression { get; init; }
    public required string ChangeAtLast { get; init; }
    public required string PercentChange { get; init; }
    public required string LevelChange { get; init; }
    public required string SlopeChange { get; init; }
    public required string PreTrend { get; init; }
    public required string MonthEffects { get; init; }
    public required string TrendTest { get; init; }
    public required string SeasonalTrendTest { get; init; }
    public required string SensSlope { get; init; }
    public required string RelativeChangeLabel { get; init; }
    public required string TargetPosition { get; init; }
    public required string Insufficient { get; init; }
    public required string Disputes { get; init; }
    public required string Disputed { get; init; }
    public required string ResolvedTo { get; init; }
    public required string Corrected { get; init; }
    public required string Quote { get; init; }
    public required string Source { get; init; }
    public required string Speaker { get; init; }
    public required string CommitmentMarker { get; init; }
    public required string Legend { get; init; }
    public required string Values { get; init; }
    public required string CountedValues { get; init; }
    public required string ConfirmedValues { get; init; }
    public required string DisputedValues { get; init; }
    public required string Total { get; init; }
    public required string Unit { get; init; }
    public required string DataSource { get; init; }
    public required string VerificationProtocol { get; init; }
    public required string CI { get; init; }
    public required string Provisional { get; init; }
    public required string ChartAlt { get; init; }
    public required string Expected { get; init; }
    public required string Latest { get; init; }
    public required string Achieved { get; init; }
    public required string TimeElapsed { get; init; }
    public required string Lag { get; init; }
    public required string Footer { get; init; }

    public static ScorecardText For(ScorecardLanguage language) => language == ScorecardLanguage.Spanish ? Spanish : English;

    /// <summary>"en" or "es" (also "en-US", "es-MX"); false for any other language.</summary>
    public static bool TryParseLanguage(string? code, out ScorecardLanguage language)
    {
        language = ScorecardLanguage.English;
        var primary = code?.Split('-')[0].ToLowerInvariant();
        switch (primary)
        {
            case "en":
                return true;
            case "es":
                language = ScorecardLanguage.Spanish;
                return true;
            default:
                return false;
        }
    }

    public string RatingName(Rating rating) => (Language, rating) switch
    {
        (ScorecardLanguage.Spanish, Evaluation.Rating.NotYetAssessed) => "AÚN NO EVALUADO",
        (ScorecardLanguage.Spanish, Evaluation.Rating.Met) => "CUMPLIDO",
        (ScorecardLanguage.Spanish, Evaluation.Rating.OnTrack) => "EN CAMINO",
        (ScorecardLanguage.Spanish, Evaluation.Rating.Incremental) => "INCREMENTAL",
        (ScorecardLanguage.Spanish, Evaluation.Rating.Stalled) => "ESTANCADO",
        (ScorecardLanguage.Spanish, Evaluation.Rating.Regressed) => "RETROCESO",
        (ScorecardLanguage.Spanish, Evaluation.Rating.Unverifiable) => "NO VERIFICABLE",
        (_, Evaluation.Rating.NotYetAssessed) => "NOT YET ASSESSED",
        (_, Evaluation.Rating.Met) => "MET",
        (_, Evaluation.Rating.OnTrack) => "ON TRACK",
        (_, Evaluation.Rating.Incremental) => "INCREMENTAL",
        (_, Evaluation.Rating.Stalled) => "STALLED",
        (_, Evaluation.Rating.Regressed) => "REGRESSED",
        (_, Evaluation.Rating.Unverifiable) => "UNVERIFIABLE",
        _ => throw new ArgumentOutOfRangeException(nameof(rating), rating, null),
    };

    public string StatusName(VerificationStatus status) => (Language, status) switch
    {
        (ScorecardLanguage.Spanish, VerificationStatus.SelfReported) => "autodeclarado",
        (ScorecardLanguage.Spanish, VerificationStatus.Acknowledged) => "reconocido por la contraparte",
        (ScorecardLanguage.Spanish, VerificationStatus.Disputed) => "en disputa",
        (ScorecardLanguage.Spanish, VerificationStatus.Verified) => "verificado",
        (ScorecardLanguage.Spanish, VerificationStatus.VerificationFailed) => "verificación fallida",
        (ScorecardLanguage.Spanish, VerificationStatus.Resolved) => "resuelto",
        (_, VerificationStatus.SelfReported) => "self-reported",
        (_, VerificationStatus.Acknowledged) => "acknowledged by the counterparty",
        (_, VerificationStatus.Disputed) => "disputed",
        (_, VerificationStatus.Verified) => "verified",
        (_, VerificationStatus.VerificationFailed) => "verification failed",
        (_, VerificationStatus.Resolved) => "resolved",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>A policy status name ("self-reported") in words.</summary>
    public string PolicyStatusName(string name) => name switch
    {
        "self-reported" => StatusName(VerificationStatus.SelfReported),
        "acknowledged" => StatusName(VerificationStatus.Acknowledged),
        "disputed" => StatusName(VerificationStatus.Disputed),
        "verified" => StatusName(VerificationStatus.Verified),
        "verification-failed" => StatusName(VerificationStatus.VerificationFailed),
        "resolved" => StatusName(VerificationStatus.Resolved),
        _ => name,
    };

    public string VerdictName(Verdict verdict) => verdict switch
    {
        Verdict.Acknowledged => StatusName(VerificationStatus.Acknowledged),
        Verdict.Disputed => StatusName(VerificationStatus.Disputed),
        Verdict.Verified => StatusName(VerificationStatus.Verified),
        Verdict.VerificationFailed => StatusName(VerificationStatus.VerificationFailed),
        Verdict.Resolved => StatusName(VerificationStatus.Resolved),
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
    };

    /// <summary>"monthly values" / "valores mensuales".</summary>
    public string PeriodValues(PeriodType? type) => (Language, type) switch
    {
        (ScorecardLanguage.Spanish, PeriodType.Quarter) => "valores trimestrales",
        (ScorecardLanguage.Spanish, PeriodType.Year) => "valores anuales",
        (ScorecardLanguage.Spanish, _) => "valores mensuales",
        (_, PeriodType.Quarter) => "quarterly values",
        (_, PeriodType.Year) => "annual values",
        _ => "monthly values",
    };

    /// <summary>"months" / "meses" for the period type.</summary>
    public string Periods(PeriodType? type) => (Language, type) switch
    {
        (ScorecardLanguage.Spanish, PeriodType.Quarter) => "trimestres",
        (ScorecardLanguage.Spanish, PeriodType.Year) => "años",
        (ScorecardLanguage.Spanish, _) => "meses",
        (_, PeriodType.Quarter) => "quarters",
        (_, PeriodType.Year) => "years",
        _ => "months",
    };

    public string StatementKindName(StatementKind kind) => (Language, kind) switch
    {
        (ScorecardLanguage.Spanish, StatementKind.JointStatement) => "declaración conjunta",
        (ScorecardLanguage.Spanish, StatementKind.PressRelease) => "comunicado de prensa",
        (ScorecardLanguage.Spanish, StatementKind.Post) => "publicación",
        (ScorecardLanguage.Spanish, StatementKind.Speech) => "discurso",
        (ScorecardLanguage.Spanish, StatementKind.Testimony) => "testimonio",
        (ScorecardLanguage.Spanish, _) => "otro",
        (_, StatementKind.JointStatement) => "joint statement",
        (_, StatementKind.PressRelease) => "press release",
        (_, StatementKind.Post) => "post",
        (_, StatementKind.Speech) => "speech",
        (_, StatementKind.Testimony) => "testimony",
        _ => "other",
    };
}
