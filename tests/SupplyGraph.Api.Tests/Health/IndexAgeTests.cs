using SupplyGraph.Api.Health;

namespace SupplyGraph.Api.Tests.Health;

public sealed class IndexAgeTests
{
    [Fact]
    public void The_same_index_keeps_the_time_it_was_first_seen_and_a_new_one_starts_its_own()
    {
        // arrange
        var clock = new SteppedClock(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var age = new IndexAge(clock);
        var first = new object();
        var second = new object();

        // act
        var firstSeen = age.LoadedAt(first);
        clock.Advance(TimeSpan.FromMinutes(5));
        var firstAgain = age.LoadedAt(first);
        var firstAge = age.Age(firstAgain);
        var secondSeen = age.LoadedAt(second);

        // assert
        firstAgain.Should().Be(firstSeen);
        firstAge.Should().Be(TimeSpan.FromMinutes(5));
        secondSeen.Should().Be(firstSeen.AddMinutes(5));
    }

    [Fact]
    public void Counts_that_stay_equal_are_the_same_index()
    {
        // arrange: where the store hides its index behind a wrapper, its counts identify it.
        var clock = new SteppedClock(DateTimeOffset.UnixEpoch);
        var age = new IndexAge(clock);

        // act
        var seen = age.LoadedAt(new SupplyGraph.Domain.Stores.StoreStatistics(64, 157));
        clock.Advance(TimeSpan.FromSeconds(30));
        var again = age.LoadedAt(new SupplyGraph.Domain.Stores.StoreStatistics(64, 157));

        // assert
        again.Should().Be(seen);
    }

    private sealed class SteppedClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset now = start;

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan step) => now += step;
    }
}
