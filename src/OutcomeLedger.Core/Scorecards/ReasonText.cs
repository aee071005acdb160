using OutcomeLedger.Core.Evaluation;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Scorecards;

/// <summary>Writes a <see cref="RatingReason"/> as a sentence in one language, with its numbers in that language's format.</summary>
public static class ReasonText
{
    public static string Write(RatingReason reason, ScorecardLanguage language)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var text = ScorecardText.For(language);
        var es = language == ScorecardLanguage.Spanish;
        var f = text.Format;
        var rating = text.RatingName(reason.Rating);
        var values = text.PeriodValues(reason.PeriodType);
        var change = reason.Change is { } c ? Change(reason.Subject, c, text) : reason.Subject;
        var target = TargetPhrase(reason, text);
        var latest = reason.Latest is { } l ? f.Value(l) + Unit(reason) : "";
        var expected = reason.Expected is { } e ? f.Value(e) + Unit(reason) : "";
        var threshold = reason.Threshold is { } t ? f.Share(t) : "";
        return reason.Code switch
        {
            ReasonCode.TooEarly => es
                ? $"{reason.Subject}: desde el compromiso solo han pasado {reason.Have} de los {reason.Needed} {text.Periods(reason.PeriodType)} de resultados que exige la política acordada: {rating}"
                : $"{reason.Subject}: only {reason.Have} of the {reason.Needed} {text.Periods(reason.PeriodType)} of results the agreed policy needs have passed since the commitment: {rating}",
            ReasonCode.NoCountedValues => es
                ? $"{reason.Subject}: datos insuficientes: {reason.Have} {values} registrados y ninguno cuenta según la política acordada: {rating}"
                : $"{reason.Subject}: insufficient data: {reason.Have} {values} logged and none counts under the agreed policy: {rating}",
            ReasonCode.TooFewBefore => es
                ? $"{reason.Subject}: datos insuficientes: solo {reason.Have} {values} contabilizados antes del compromiso; la política acordada exige {reason.Needed}: {rating}"
                : $"{reason.Subject}: insufficient data: only {reason.Have} counted {values} before the commitment; the agreed policy needs {reason.Needed}: {rating}",
            ReasonCode.TooFewAfter => es
                ? $"{reason.Subject}: datos insuficientes: solo {reason.Have} {values} contabilizados después del compromiso; la política acordada exige {reason.Needed}: {rating}"
                : $"{reason.Subject}: insufficient data: only {reason.Have} counted {values} after the commitment; the agreed policy needs {reason.Needed}: {rating}",
            ReasonCode.ModelInsufficient => es
                ? $"{reason.Subject}: datos insuficientes para un análisis de tendencia honesto ({reason.Detail}): {rating}"
                : $"{reason.Subject}: insufficient data for an honest trend analysis ({reason.Detail}): {rating}",
            ReasonCode.NoDistinguishableChange => es
                ? $"{change}: el intervalo incluye el cero, así que ningún cambio se distingue del ruido: {rating}"
                : $"{change}: the interval includes zero, so no change is distinguishable from noise: {rating}",
            ReasonCode.WrongDirection => es
                ? $"{change}: en la dirección equivocada, más allá del ruido: {rating}"
                : $"{change}: the wrong direction, beyond noise: {rating}",
            ReasonCode.BelowThreshold => es
                ? $"{change}, menos del {threshold} que la política acordada considera significativo: {rating}"
                : $"{change}, less than the {threshold} the agreed policy calls significant: {rating}",
            ReasonCode.BehindTargetPath => es
                ? $"{change}, pero el valor reciente ({latest}) va por detrás de la trayectoria hacia {target} (a esta fecha se esperaba {expected}): {rating}"
                : $"{change}, but the recent value ({latest}) is behind the path to {target} (expected {expected} by now): {rating}",
            ReasonCode.SignificantChange => es
                ? $"{change}, al menos el {threshold} que la política acordada considera significativo (sin meta fijada): {rating}"
                : $"{change}, at least the {threshold} the agreed policy calls significant (no target set): {rating}",
            ReasonCode.OnTargetPath => es
                ? $"{change}; el valor reciente ({latest}) va en o por delante de la trayectoria hacia {target} (se esperaba {expected}): {rating}"
                : $"{change}; the recent value ({latest}) is on or ahead of the path to {target} (expected {expected}): {rating}",
            ReasonCode.TargetReachedUnconfirmed => es
                ? $"{change}; los valores recientes ({latest}) alcanzan {target}, pero no todos cuentan para {text.RatingName(Rating.Met)} según la política acordada: {rating}"
                : $"{change}; the recent values ({latest}) reach {target}, but not all of them count toward {text.RatingName(Rating.Met)} under the agreed policy: {rating}",
            ReasonCode.TargetReached => es
                ? $"{change}; los valores recientes ({latest}), que cuentan para {text.RatingName(Rating.Met)}, alcanzan {target}: {rating}"
                : $"{change}; the recent values ({latest}), counted toward {text.RatingName(Rating.Met)}, reach {target}: {rating}",
            ReasonCode.TooFewConfirmed => es
                ? $"{change}, pero solo {reason.Confirmed} de {reason.Counted} {values} están reconocidos por la contraparte o verificados: {rating} según la política acordada (exige al menos {f.Share(reason.RequiredShare ?? 0)})"
                : $"{change}, but only {reason.Confirmed} of {reason.Counted} {values} are acknowledged by the counterparty or verified: {rating} under the agreed policy (at least {f.Share(reason.RequiredShare ?? 0)} needed)",
            ReasonCode.UnresolvedDisputes when reason.Disputed == 1 => es
                ? $"{change}, pero 1 de los {values} posteriores al compromiso está en disputa sin resolver: {rating} según la política acordada"
                : $"{change}, but 1 of the {values} after the commitment is disputed and unresolved: {rating} under the agreed policy",
            ReasonCode.UnresolvedDisputes => es
                ? $"{change}, pero {reason.Disputed} {values} posteriores al compromiso están en disputa sin resolver: {rating} según la política acordada"
                : $"{change}, but {reason.Disputed} {values} after the commitment are disputed and unresolved: {rating} under the agreed policy",
            ReasonCode.RollupWorst => es
                ? $"Calificado por su parte más débil ({reason.Subject}) de {PartCount(reason)} partes ({Parts(reason, text)}): {rating}"
                : $"Rated by its weakest part ({reason.Subject}) of {PartCount(reason)} parts ({Parts(reason, text)}): {rating}",
            ReasonCode.RollupAllMet => es
                ? $"{text.RatingName(Rating.Met)} solo si todos sus indicadores lo están; {Parts(reason, text)}: {rating}"
                : $"{text.RatingName(Rating.Met)} only when every indicator is; {Parts(reason, text)}: {rating}",
            ReasonCode.NoIndicators => es
                ? $"Ningún indicador mide aún este compromiso: {rating}"
                : $"No indicator measures this commitment yet: {rating}",
            _ => throw new ArgumentOutOfRangeException(nameof(reason), reason.Code, null),
        };
    }

    static string Change(string subject, ChangeFinding change, ScorecardText text)
    {
        var f = text.Format;
        var es = text.Language == ScorecardLanguage.Spanish;
        var magnitude = f.Percent(Math.Abs(change.Percent));
        var verb = (es, change.Percent) switch
        {
            (true, < 0) => "bajó",
            (true, > 0) => "subió",
            (true, _) => "no cambió",
            (false, < 0) => "fell",
            (false, > 0) => "rose",
            _ => "did not change",
        };
        var against = (es, change.AgainstTrend) switch
        {
            (true, true) => "respecto de la tendencia proyectada",
            (true, false) => "respecto de la media previa al compromiso",
            (false, true) => "against the projected trend",
            (false, false) => "against the pre-commitment mean",
        };
        var level = f.Share(change.Confidence * 100);
        var interval = es
            ? $"IC del {level}: {f.SignedPercent(change.Lower)} a {f.SignedPercent(change.Upper)}"
            : $"{level} CI {f.SignedPercent(change.Lower)} to {f.SignedPercent(change.Upper)}";
        return change.Percent == 0 ? $"{subject} {verb} {against} ({interval})" : $"{subject} {verb} {magnitude} {against} ({interval})";
    }

    static string TargetPhrase(RatingReason reason, ScorecardText text)
    {
        if (reason.Target is not { } target)
        {
            return "";
        }

        var f = text.Format;
        var value = f.Value(target) + Unit(reason);
        var by = reason.TargetBy is { } date ? f.Date(date) : "";
        var illustrative = reason.TargetBasis == TargetBasis.Illustrative;
        return (text.Language, illustrative) switch
        {
            (ScorecardLanguage.Spanish, true) => $"la meta ILUSTRATIVA (no acordada) de {value} para el {by}",
            (ScorecardLanguage.Spanish, false) => $"la meta de {value} para el {by}",
            (_, true) => $"the ILLUSTRATIVE (not agreed) target of {value} by {by}",
            _ => $"the target of {value} by {by}",
        };
    }

    static string Unit(RatingReason reason) => reason.Unit switch
    {
        null or "" => "",
        "%" => "%",
        var unit => " " + unit,
    };

    static int PartCount(RatingReason reason) => reason.Parts?.Values.Sum() ?? 0;

    static string Parts(RatingReason reason, ScorecardText text)
    {
        if (reason.Parts is null)
        {
            return "";
        }

        var order = Enum.GetValues<Rating>();
        var parts = new List<string>();
        foreach (var rating in order)
        {
            var key = RatingKey(rating);
            if (reason.Parts.TryGetValue(key, out var count) && count > 0)
            {
                parts.Add($"{count} {text.RatingName(rating)}");
            }
        }

        return string.Join(", ", parts);
    }

    /// <summary>The JSON name of a rating ("NOT_YET_ASSESSED"), the key of <see cref="RatingReason.Parts"/>.</summary>
    public static string RatingKey(Rating rating) => rating switch
    {
        Rating.NotYetAssessed => "NOT_YET_ASSESSED",
        Rating.Met => "MET",
        Rating.OnTrack => "ON_TRACK",
        Rating.Incremental => "INCREMENTAL",
        Rating.Stalled => "STALLED",
        Rating.Regressed => "REGRESSED",
        Rating.Unverifiable => "UNVERIFIABLE",
        _ => throw new ArgumentOutOfRangeException(nameof(rating), rating, null),
    };
}
