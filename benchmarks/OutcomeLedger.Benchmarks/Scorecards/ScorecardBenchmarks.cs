using BenchmarkDotNet.Attributes;
using OutcomeLedger.Core.Evaluation.Statistics;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Benchmarks.Scorecards;

/// <summary>
/// Evaluating and rendering the scorecard of one agreement with 1,000 indicators × 120 monthly values (100
/// commitments of 10 indicators, every value acknowledged): the target is under one second in all.
/// </summary>
[MemoryDiagnoser]
public class ScorecardBenchmarks
{
    static readonly AgreementId Agreement = ScorecardWorkload.Agreement;
    static readonly Period Intervention = Period.Month(2025, 1);

    LedgerState _state = null!;
    ScorecardCheckpoint _checkpoint = null!;
    Scorecard _scorecard = null!;
    byte[] _json = null!;
    MonthlySeries[] _series = null!;

    [GlobalSetup]
    public void Setup()
    {
        _state = ScorecardWorkload.Build();
        _checkpoint = ScorecardWorkload.Checkpoint(_state);
        _scorecard = Evaluator.Evaluate(_state, _checkpoint, Agreement);
        _json = ScorecardJson.Serialize(_scorecard);
        _series = [.. _scorecard.Commitments.SelectMany(c => c.Indicators).Select(i => MonthlySeries.Create(i.Series[0].Points.Select(p =>
            new MonthlyObservation(Period.Parse(p.Period), (double)p.Stands))))];
    }

    /// <summary>
    /// The fixed yardstick of the run: the 1,000 segmented regressions with the first implementation (MathNet QR and
    /// dense Newey-West matrices, kept in <see cref="QrSegmentedRegression"/>), one after another on one thread.
    /// </summary>
    [Benchmark(Baseline = true)]
    public int FitQrBaseline()
    {
        var fitted = 0;
        foreach (var series in _series)
        {
            fitted += QrSegmentedRegression.Fit(series, Intervention).IsSufficient ? 1 : 0;
        }

        return fitted;
    }

    /// <summary>The same 1,000 regressions with <see cref="InterruptedTimeSeries.Fit"/>, one thread.</summary>
    [Benchmark]
    public int Fit()
    {
        var fitted = 0;
        foreach (var series in _series)
        {
            fitted += InterruptedTimeSeries.Fit(series, Intervention).IsSufficient ? 1 : 0;
        }

        return fitted;
    }

    [Benchmark]
    public Scorecard Evaluate() => Evaluator.Evaluate(_state, _checkpoint, Agreement);

    [Benchmark]
    public byte[] SerializeJson() => ScorecardJson.Serialize(_scorecard);

    [Benchmark]
    public string RenderMarkdown() => MarkdownScorecard.Render(_scorecard, ScorecardLanguage.Spanish);

    [Benchmark]
    public string RenderHtml() => HtmlScorecard.Render(_scorecard, ScorecardLanguage.English);

    [Benchmark]
    public Scorecard DeserializeJson() => ScorecardJson.Deserialize(_json);

    /// <summary>
    /// What <c>outcomes scorecard --format html</c> does at a checkpoint: evaluate, write the canonical JSON, render
    /// the HTML from that JSON model (the model the bytes were written from, so nothing is parsed back).
    /// </summary>
    [Benchmark]
    public (byte[] Json, string Html) EvaluateSerializeAndRenderHtml()
    {
        var scorecard = Evaluator.Evaluate(_state, _checkpoint, Agreement);
        return (ScorecardJson.Serialize(scorecard), HtmlScorecard.Render(scorecard, ScorecardLanguage.English));
    }
}
