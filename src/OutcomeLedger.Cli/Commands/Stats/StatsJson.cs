using System.Text.Json;
using System.Text.Json.Nodes;
using OutcomeLedger.Core.Evaluation.Statistics;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Cli.Commands.Stats;

/// <summary>
/// Renders a <see cref="StatsReport"/> as JSON for scripts. Every analysis is an object with
/// <c>"status": "ok"</c> and its numbers, or <c>"status": "insufficient"</c> with a <c>"reason"</c>.
/// </summary>
internal static class StatsJson
{
    public const int SchemaVersion = 1;

    static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Write(StatsReport report)
    {
        var series = report.Series;
        var root = new JsonObject
        {
            ["schemaVersion"] = SchemaVersion,
            ["file"] = report.File,
            ["count"] = series.Count,
            ["first"] = series.First.ToString(),
            ["last"] = series.Last.ToString(),
            ["missingMonths"] = report.MissingMonths,
            ["seasonal"] = report.Seasonal,
            ["intervention"] = report.Intervention?.ToString(),
            ["mannKendall"] = Result(report.MannKendall, MannKendall),
            ["sensSlope"] = Result(report.SensSlope, Sen),
        };
        if (report.SeasonalMannKendall is { } seasonal)
        {
            root["seasonalMannKendall"] = Result(seasonal, MannKendall);
        }

        if (report.SeasonalSensSlope is { } seasonalSlope)
        {
            root["seasonalSensSlope"] = Result(seasonalSlope, Sen);
        }

        if (report.InterruptedTimeSeries is { } its)
        {
            root["interruptedTimeSeries"] = Result(its, Its);
        }

        var relative = Result(report.RelativeChange, r => new JsonObject
        {
            ["baselineMean"] = r.BaselineMean,
            ["baselineCount"] = r.BaselineCount,
            ["comparisonMean"] = r.ComparisonMean,
            ["comparisonCount"] = r.ComparisonCount,
            ["absoluteChange"] = r.AbsoluteChange,
            ["relativeChange"] = r.Relative,
        });
        relative["baselineFrom"] = report.BaselineFrom.ToString();
        relative["baselineTo"] = report.BaselineTo.ToString();
        relative["comparisonFrom"] = report.ComparisonFrom.ToString();
        relative["comparisonTo"] = report.ComparisonTo.ToString();
        root["relativeChange"] = relative;

        if (report.Target is { } target)
        {
            var path = report.TargetPath;
            root["targetPath"] = Result(target, p => new JsonObject
            {
                ["baselineDate"] = path!.BaselineDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["baselineValue"] = path.BaselineValue,
                ["dueDate"] = path.DueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["targetValue"] = path.TargetValue,
                ["date"] = p.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["value"] = p.Value,
                ["expected"] = p.Expected,
                ["gap"] = p.Gap,
                ["fractionAchieved"] = p.FractionAchieved,
                ["fractionOfTimeElapsed"] = p.FractionOfTimeElapsed,
                ["onOrAheadOfPath"] = p.OnOrAheadOfPath,
                ["targetReached"] = p.TargetReached,
            });
        }

        return root.ToJsonString(Indented);
    }

    static JsonObject Result<T>(AnalysisResult<T> result, Func<T, JsonObject> write)
        where T : class
    {
        if (!result.TryGetValue(out var value))
        {
            return new JsonObject { ["status"] = "insufficient", ["reason"] = TextCatalogue.English.Sentence(result.Shortfall!) };
        }

        var body = write(value);
        body.Insert(0, "status", "ok");
        return body;
    }

    static JsonObject MannKendall(MannKendallResult r) => new()
    {
        ["count"] = r.Count,
        ["seasons"] = r.Seasons,
        ["s"] = r.S,
        ["varianceS"] = r.VarianceS,
        ["z"] = r.Z,
        ["pValue"] = r.PValue,
    };

    static JsonObject Sen(SensSlopeResult r) => new()
    {
        ["slopePerMonth"] = r.Slope,
        ["intercept"] = r.Intercept,
        ["lower"] = r.LowerBound,
        ["upper"] = r.UpperBound,
        ["confidence"] = r.Confidence,
        ["pairs"] = r.PairCount,
    };

    static JsonObject Its(InterruptedTimeSeriesResult r) => new()
    {
        ["count"] = r.Count,
        ["countBefore"] = r.CountBefore,
        ["countAfter"] = r.CountAfter,
        ["lastMonth"] = r.LastMonth.ToString(),
        ["monthEffects"] = r.MonthEffectsIncluded,
        ["hacLag"] = r.HacLag,
        ["smallSampleCorrection"] = r.SmallSampleCorrection,
        ["distribution"] = r.Distribution == IntervalDistribution.StudentT ? "t" : "normal",
        ["residualDegreesOfFreedom"] = r.ResidualDegreesOfFreedom,
        ["confidence"] = r.Confidence,
        ["preTrend"] = Estimate(r.PreTrend),
        ["levelChange"] = Estimate(r.LevelChange),
        ["slopeChange"] = Estimate(r.SlopeChange),
        ["changeAtLastPeriod"] = Estimate(r.ChangeAtLastPeriod),
        ["counterfactualAtLastPeriod"] = r.CounterfactualAtLastPeriod,
        ["percentChangeAtLastPeriod"] = r.PercentChangeAtLastPeriod is { } percent ? Estimate(percent) : null,
    };

    static JsonObject Estimate(Estimate e) => new()
    {
        ["value"] = e.Value,
        ["standardError"] = e.StandardError,
        ["lower"] = e.Lower,
        ["upper"] = e.Upper,
        ["pValue"] = e.PValue,
    };
}
