using FluentAssertions;
using SupplyGraph.Benchmarks.Measurements;

namespace SupplyGraph.Benchmarks.Tests;

public sealed class PercentilesTests
{
    [Fact]
    public void Percentiles_are_observed_values_by_nearest_rank()
    {
        // arrange
        var values = Enumerable.Range(1, 100).Select(value => (double)value).Reverse().ToList();

        // act + assert
        Percentiles.Of(values, 50).Should().Be(50);
        Percentiles.Of(values, 99).Should().Be(99);
        Percentiles.Of(values, 100).Should().Be(100);
        Percentiles.Of([3.5], 99).Should().Be(3.5);
    }

    [Fact]
    public void No_values_or_a_percentile_out_of_range_is_refused()
    {
        var none = () => Percentiles.Of([], 50);
        var tooHigh = () => Percentiles.Of([1.0], 101);

        none.Should().Throw<ArgumentException>();
        tooHigh.Should().Throw<ArgumentOutOfRangeException>();
    }
}
