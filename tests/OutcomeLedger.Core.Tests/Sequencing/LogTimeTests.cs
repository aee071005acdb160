using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Sequencing;
using OutcomeLedger.Core.Tests.Ledger;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Notes;

namespace OutcomeLedger.Core.Tests.Sequencing;

/// <summary>
/// Issue 12, why 2: an author's clock moved everyone's ratings (a statement dated 2031, a measurement dated 2099 or
/// 1970, a value for 2099-01 were all accepted). The log's own time decides instead.
/// </summary>
public sealed class LogTimeTests
{
    static readonly DateTimeOffset LogClock = new(2026, 12, 3, 16, 20, 5, TimeSpan.Zero);

    static StatementRecord Statement(DateTimeOffset recordedAt, DateOnly? date = null) => new()
    {
        Author = LedgerFixture.UsId,
        RecordedAt = recordedAt,
        Id = new StatementId("statement"),
        Date = date ?? new DateOnly(2026, 1, 15),
        Title = "Joint statement",
        Parties = [LedgerFixture.UsId, LedgerFixture.MxId],
        StatementKind = StatementKind.JointStatement,
        SourceUrl = "https://www.state.gov/example",
    };

    [Fact]
    public void Check_StatementRecordedAt2031_IsRefusedNamingRecordedAt()
    {
        var errors = LogTime.Check(Statement(new DateTimeOffset(2031, 6, 30, 0, 0, 0, TimeSpan.Zero)), LogClock);

        var error = Assert.Single(errors);
        Assert.Equal("recordedAt", error.Field);
        Assert.Contains("2031-06-30T00:00:00Z is 1669 days ahead of the log's clock (2026-12-03T16:20:05Z)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2099, 12, 31, "ahead of")]
    [InlineData(1970, 1, 1, "behind")]
    public void Check_MeasurementRecordedFarFromTheLogsClock_IsRefused(int year, int month, int day, string way)
    {
        var measurement = LedgerFixture.Measurement() with { RecordedAt = new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero) };

        var error = Assert.Single(LogTime.Check(measurement, LogClock));

        Assert.Equal("recordedAt", error.Field);
        Assert.Contains(way + " the log's clock", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(600, true)]
    [InlineData(-600, true)]
    [InlineData(601, false)]
    [InlineData(-601, false)]
    public void Check_RecordedAtWithinTenMinutesEitherWay_IsAccepted(int seconds, bool accepted)
    {
        var errors = LogTime.Check(Statement(LogClock.AddSeconds(seconds)), LogClock);

        Assert.Equal(accepted, errors.Count == 0);
    }

    [Theory]
    [InlineData("2099-01", false)]
    [InlineData("2026-12", false)]
    [InlineData("2026-Q4", false)]
    [InlineData("2026", false)]
    [InlineData("2026-11", true)]
    [InlineData("2026-Q3", true)]
    [InlineData("2025", true)]
    public void Check_MeasurementPeriodEndingAfterTheLogDate_IsRefusedNamingPeriod(string period, bool accepted)
    {
        var measurement = LedgerFixture.Measurement() with { RecordedAt = LogClock, Period = Period.Parse(period) };

        var errors = LogTime.Check(measurement, LogClock);

        Assert.Equal(accepted, errors.Count == 0);
        Assert.All(errors, e => Assert.Equal("period", e.Field));
    }

    [Fact]
    public void Check_StatementDatedAfterTheLogDate_IsRefusedNamingDate()
    {
        var error = Assert.Single(LogTime.Check(Statement(LogClock, new DateOnly(2026, 12, 4)), LogClock));

        Assert.Equal("date", error.Field);
        Assert.Empty(LogTime.Check(Statement(LogClock, new DateOnly(2026, 12, 3)), LogClock));
    }

    [Fact]
    public void ExtensionLine_InASignedCheckpoint_ReadsBackToTheSecond()
    {
        var key = SignerKey.FromSeed("example.com/log", NoteKeyType.Ed25519, Enumerable.Repeat((byte)7, 32).ToArray());
        var line = LogTime.ExtensionLine(LogClock.AddMilliseconds(750));
        var note = new Checkpoint("example.com/log", 3, Rfc6962.EmptyRoot, [line]).Sign(key.CreateSigner()).ToString();

        Assert.Equal("log-time 2026-12-03T16:20:05Z", line);
        Assert.Equal(LogClock, LogTime.Of(note));
    }

    [Fact]
    public void Of_ACheckpointWithoutLogTime_IsNull()
    {
        var key = SignerKey.FromSeed("example.com/log", NoteKeyType.Ed25519, Enumerable.Repeat((byte)7, 32).ToArray());
        var note = new Checkpoint("example.com/log", 3, Rfc6962.EmptyRoot).Sign(key.CreateSigner()).ToString();

        Assert.Null(LogTime.Of(note));
    }

    [Theory]
    [InlineData("log-time yesterday")]
    [InlineData("log-time 2026-12-03 16:20:05")]
    public void TryRead_AMalformedLogTime_FailsNamingTheLine(string line)
    {
        var checkpoint = new Checkpoint("example.com/log", 3, Rfc6962.EmptyRoot, [line]);

        Assert.False(LogTime.TryRead(checkpoint, out _, out var error));
        Assert.Contains(line, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_TwoLogTimes_Fails()
    {
        var checkpoint = new Checkpoint("example.com/log", 3, Rfc6962.EmptyRoot, [LogTime.ExtensionLine(LogClock), LogTime.ExtensionLine(LogClock)]);

        Assert.False(LogTime.TryRead(checkpoint, out _, out var error));
        Assert.Contains("twice", error, StringComparison.Ordinal);
    }
}
