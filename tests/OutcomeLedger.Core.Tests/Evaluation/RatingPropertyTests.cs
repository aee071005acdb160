using OutcomeLedger.Core.Evaluation;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Tests.Evaluation;

/// <summary>
/// Issue 12's property: over generated series (shifted, flattened, reversed, noisy, rising or falling into the
/// commitment, with seasons and either direction of improvement), the rating never says progress (MET, ON_TRACK,
/// INCREMENTAL) without an observed change in the desired direction against the baseline. A seeded generator, so a
/// failure names its case and replays.
/// </summary>
public class RatingPropertyTests
{
    const string Indicator = "generated";

    public enum Shape
    {
        Shifted,
        Flattened,
        Reversed,
        Noisy,
        TrendThenFlat,
        TrendContinues,
    }

    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 240)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Evaluate_GeneratedSeries_NeverProgressWithoutAnObservedChangeTheDesiredWay(int seed)
    {
        var (ledger, shape, direction) = Generate(seed);

        var indicator = ledger.Evaluate().Commitments.Single().Indicators.Single();
        var series = indicator.Series.Single();
        var finding = series.Finding!.Value;

        Assert.NotEqual(Rating.Unverifiable, finding);
        if (finding is Rating.Met or Rating.OnTrack or Rating.Incremental)
        {
            var observed = series.Statistics.ObservedChange;
            Assert.True(observed is not null, $"seed {seed} ({shape}, {direction}): {finding} without an observed change");
            var sign = direction == Direction.Down ? -1 : 1;
            Assert.True(sign * observed.PercentLower > 0 && sign * observed.PercentUpper > 0, $"seed {seed} ({shape}, {direction}): {finding} with an interval {observed.PercentLower} to {observed.PercentUpper}");
            Assert.True(sign * (observed.Mean - observed.BaselineMean) > 0, $"seed {seed} ({shape}, {direction}): {finding} with a mean {observed.Mean} against {observed.BaselineMean}");
            Assert.Equal(indicator.Reason.Change!.Percent, observed.Percent);
        }

        if (shape is Shape.Reversed && series.Statistics.ObservedChange is { Count: 12 })
        {
            // The twelve values compared are the baseline's own year, reversed in time: nothing moved.
            Assert.True(finding is Rating.Stalled, $"seed {seed} ({shape}, {direction}): {finding}");
        }
    }

    /// <summary>
    /// Noise alone around an unchanged level is called progress no more often than the interval's level allows (a 95%
    /// interval on the improving side: 2.5% of series, counted with room for chance over 400 series).
    /// </summary>
    [Fact]
    public void Evaluate_NoiseAlone_IsRarelyCalledProgress()
    {
        var seeds = Enumerable.Range(1, 2400).Where(s => (Shape)(s % Enum.GetValues<Shape>().Length) == Shape.Noisy).ToList();
        var progress = seeds.Count(seed =>
            Generate(seed).Ledger.Evaluate().Commitments.Single().Indicators.Single().Finding is Rating.Met or Rating.OnTrack or Rating.Incremental);

        Assert.Equal(400, seeds.Count);
        Assert.InRange(progress, 0, 20);
    }

    /// <summary>The generator can fail the property: a series that truly improved is rated as progress.</summary>
    [Fact]
    public void Evaluate_GeneratedSeries_IncludeRealProgress()
    {
        var progress = Enumerable.Range(1, 240)
            .Select(Generate)
            .Count(g => g.Ledger.Evaluate().Commitments.Single().Indicators.Single().Finding is Rating.OnTrack or Rating.Incremental or Rating.Met);

        Assert.InRange(progress, 20, 200);
    }

    static (TestLedger Ledger, Shape Shape, Direction Direction) Generate(int seed)
    {
        var random = new Random(seed);
        var shape = (Shape)(seed % Enum.GetValues<Shape>().Length);
        var direction = random.Next(2) == 0 ? Direction.Down : Direction.Up;
        var level = Math.Pow(10, 1 + (random.NextDouble() * 4));
        var noise = shape == Shape.Noisy ? 0.02 + (random.NextDouble() * 0.3) : random.NextDouble() * 0.05;
        var season = random.NextDouble() * 0.2;
        var effect = (random.NextDouble() - 0.5) * 0.8;
        var trend = (random.NextDouble() - 0.5) * 0.04;
        var after = 6 + random.Next(19);

        var ledger = new TestLedger();
        if (random.Next(3) == 0)
        {
            ledger.Policy(new EvaluationPolicy { MinVerifiedShare = 0 });
        }

        ledger.Indicator(Indicator, direction: direction, targets: random.Next(2) == 0 ? [] : [new Target(new DateOnly(2026, 12, 31), TargetBasis.Agreed, RelativeChange: direction == Direction.Down ? -0.2m : 0.2m)]);

        // 2023-01 to 2024-12 before the commitment (made on 2025-01-15), then `after` months.
        var before = new double[24];
        for (var i = 0; i < before.Length; i++)
        {
            var seasonal = 1 + (season * Math.Sin(2 * Math.PI * (i % 12) / 12));
            var trendFactor = shape is Shape.TrendThenFlat or Shape.TrendContinues ? 1 + (trend * i) : 1;
            before[i] = level * seasonal * trendFactor * (1 + (noise * ((random.NextDouble() * 2) - 1)));
        }

        var values = new List<double>(before);
        for (var j = 0; j < after; j++)
        {
            var i = 24 + j;
            var seasonal = 1 + (season * Math.Sin(2 * Math.PI * (i % 12) / 12));
            var jitter = 1 + (noise * ((random.NextDouble() * 2) - 1));
            values.Add(shape switch
            {
                Shape.Shifted => level * seasonal * (1 + effect) * jitter,
                Shape.Flattened => before[^1] * jitter,
                Shape.Reversed => before[23 - (j % 12)],
                Shape.Noisy => level * seasonal * jitter,
                Shape.TrendThenFlat => level * seasonal * (1 + (trend * 23)) * jitter,
                _ => level * seasonal * (1 + (trend * i)) * jitter,
            });
        }

        for (var i = 0; i < values.Count; i++)
        {
            var index = ledger.Measure(Indicator, Period.Month(2023 + (i / 12), (i % 12) + 1), Math.Round((decimal)Math.Max(values[i], 0.1), 2));
            if (random.Next(5) > 0)
            {
                ledger.Attest(index, Verdict.Acknowledged);
            }
        }

        return (ledger, shape, direction);
    }
}
