using OutcomeLedger.Core.Evaluation;

namespace OutcomeLedger.Core.Tests.Evaluation;

public class RatingRollupTests
{
    [Theory]
    [InlineData(new[] { Rating.Met, Rating.OnTrack }, Rating.OnTrack)]
    [InlineData(new[] { Rating.Met, Rating.Stalled, Rating.Unverifiable }, Rating.Stalled)]
    [InlineData(new[] { Rating.Met, Rating.NotYetAssessed }, Rating.NotYetAssessed)]
    [InlineData(new[] { Rating.Unverifiable, Rating.Incremental }, Rating.Unverifiable)]
    [InlineData(new[] { Rating.Stalled, Rating.Regressed, Rating.Met }, Rating.Regressed)]
    [InlineData(new[] { Rating.Met, Rating.Met }, Rating.Met)]
    public void Combine_Worst_TakesTheWeakestPart(Rating[] parts, Rating expected) =>
        Assert.Equal(expected, RatingRollup.Combine("worst", parts).Rating);

    [Theory]
    [InlineData(new[] { Rating.Met, Rating.Met }, Rating.Met)]
    [InlineData(new[] { Rating.Met, Rating.OnTrack }, Rating.OnTrack)]
    [InlineData(new[] { Rating.Met, Rating.Stalled }, Rating.Incremental)]
    [InlineData(new[] { Rating.OnTrack, Rating.Unverifiable }, Rating.Incremental)]
    [InlineData(new[] { Rating.Met, Rating.Regressed }, Rating.Regressed)]
    [InlineData(new[] { Rating.Stalled, Rating.Unverifiable }, Rating.Stalled)]
    public void Combine_AllMet_CallsPartialDeliveryIncremental(Rating[] parts, Rating expected) =>
        Assert.Equal(expected, RatingRollup.Combine("all-met", parts).Rating);

    [Fact]
    public void Combine_Worst_NamesTheFirstWeakestPart() =>
        Assert.Equal(1, RatingRollup.Combine("worst", [Rating.Met, Rating.Stalled, Rating.Stalled]).Weakest);

    [Fact]
    public void Combine_UnknownRule_Throws() =>
        Assert.Throws<ArgumentException>(() => RatingRollup.Combine("average", [Rating.Met]));
}
