using OutcomeLedger.Core.Evaluation.Statistics;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Tests.Evaluation.Statistics;

public class TargetPathTests
{
    static readonly DateOnly Baseline = new(2024, 1, 1);
    static readonly DateOnly Due = new(2026, 1, 1);

    [Fact]
    public void Locate_HalfwayInTimeOnPath_IsOnPath()
    {
        // Reduce from 1000 to 500 over 731 days; at day 365.5 the path expects 750.
        var path = TargetPath.Create(Baseline, 1000, Due, 500).Value;
        var midpoint = Baseline.AddDays(365);

        var position = path.Locate(midpoint, 700);

        var elapsed = 365 / 731.0;
        Assert.Equal(elapsed, position.FractionOfTimeElapsed, 12);
        Assert.Equal(1000 - (500 * elapsed), position.Expected, 9);
        Assert.Equal(700 - position.Expected, position.Gap, 9);
        Assert.Equal(0.6, position.FractionAchieved, 12);
        Assert.True(position.OnOrAheadOfPath);
        Assert.False(position.TargetReached);
    }

    [Fact]
    public void Locate_MovingAwayFromTarget_HasNegativeFractionAndIsBehind()
    {
        var path = TargetPath.Create(Baseline, 1000, Due, 500).Value;

        var position = path.Locate(new DateOnly(2025, 1, 1), 1100);

        Assert.Equal(-0.2, position.FractionAchieved, 12);
        Assert.False(position.OnOrAheadOfPath);
        Assert.True(position.Gap > 0);
    }

    [Fact]
    public void Locate_AfterDueDate_ExpectsTheTarget()
    {
        var path = TargetPath.Create(Baseline, 10, Due, 20).Value;

        var position = path.Locate(new DateOnly(2027, 6, 1), 21);

        Assert.Equal(20, position.Expected);
        Assert.Equal(1, position.FractionOfTimeElapsed);
        Assert.True(position.TargetReached);
        Assert.Equal(1.1, position.FractionAchieved, 12);
    }

    [Fact]
    public void ExpectedAt_BeforeBaseline_IsTheBaseline()
    {
        var path = TargetPath.Create(Baseline, 10, Due, 20).Value;

        Assert.Equal(10, path.ExpectedAt(new DateOnly(2023, 1, 1)));
    }

    [Fact]
    public void Create_TargetEqualsBaseline_IsInsufficient()
    {
        var result = TargetPath.Create(Baseline, 10, Due, 10);

        Assert.Equal("the target equals the baseline, so there is no path to measure progress along", TextCatalogue.English.Sentence(result.Shortfall!));
    }

    [Fact]
    public void Create_DueNotAfterBaseline_IsInsufficient()
    {
        var result = TargetPath.Create(Due, 10, Baseline, 5);

        Assert.Equal("the due date 2024-01-01 is not after the baseline date 2026-01-01", TextCatalogue.English.Sentence(result.Shortfall!));
    }
}
