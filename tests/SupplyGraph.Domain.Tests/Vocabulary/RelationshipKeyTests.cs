using FluentAssertions;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Domain.Tests.Vocabulary;

public sealed class RelationshipKeyTests
{
    [Theory]
    [InlineData("a/HOSTS/b", true)]
    [InlineData("a/HOSTS/b/2", false)]
    [InlineData("a/SUPPLIES/b", false)]
    [InlineData("b/HOSTS/a", false)]
    [InlineData("a-HOSTS-b", false)]
    [InlineData("claim-1", false)]
    public void A_key_is_the_default_only_when_it_spells_from_type_and_to(string key, bool isDefault)
    {
        // arrange
        var record = new RelationshipRecord { Key = key, Type = RelationshipType.Hosts, From = "a", To = "b", Status = RelationshipStatus.Confirmed, Sources = [] };

        // act + assert
        record.HasDefaultKey.Should().Be(isDefault);
        (key == RelationshipRecord.DefaultKey("a", RelationshipType.Hosts, "b")).Should().Be(isDefault);
    }
}
