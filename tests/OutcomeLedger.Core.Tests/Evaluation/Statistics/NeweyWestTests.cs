using OutcomeLedger.Core.Evaluation.Statistics;

namespace OutcomeLedger.Core.Tests.Evaluation.Statistics;

public class NeweyWestTests
{
    [Theory]
    [InlineData(0, 14.0)]
    // 14 + 2·(1 − 1/2)·(1·2 + 2·3)
    [InlineData(1, 22.0)]
    // 14 + 2·(2/3)·8 + 2·(1/3)·(1·3)
    [InlineData(2, 14.0 + (32.0 / 3) + 2.0)]
    public void Variance_BartlettWeights_MatchHandSums(int lag, double expected) =>
        Assert.Equal(expected, NeweyWest.Variance([1, 2, 3], lag), 12);

    [Fact]
    public void Variance_LagNotBelowCount_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NeweyWest.Variance([1, 2, 3], 3));
}
