using FluentAssertions;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Domain.Tests.Vocabulary;

public sealed class RelationshipTypesTests
{
    [Fact]
    public void Every_type_has_exactly_one_row_in_the_table_at_its_own_position()
    {
        // arrange
        var types = Enum.GetValues<RelationshipType>();

        // act
        var rows = types.Select(RelationshipTypes.Info).ToList();

        // assert
        rows.Select(row => row.Type).Should().Equal(types);
        RelationshipTypes.All.Should().HaveCount(types.Length);
    }

    [Fact]
    public void Dependencies_name_their_upstream_end_and_other_roles_do_not()
    {
        foreach (var info in RelationshipTypes.All)
        {
            (info.UpstreamEnd is not null).Should().Be(info.IsDependency, $"{info.Name} is {info.Role}");
        }
    }

    [Theory]
    [InlineData(RelationshipType.TrainedOn, "TRAINED_ON")]
    [InlineData(RelationshipType.AvailableOn, "AVAILABLE_ON")]
    [InlineData(RelationshipType.RestrictedBy, "RESTRICTED_BY")]
    public void Names_are_screaming_snake_case_and_parse_back(RelationshipType type, string name)
    {
        type.Name().Should().Be(name);
        RelationshipTypes.TryParse(name, out var parsed).Should().BeTrue();
        parsed.Should().Be(type);
    }

    [Fact]
    public void Lower_case_names_are_not_relationship_types()
    {
        RelationshipTypes.TryParse("trained_on", out _).Should().BeFalse();
    }

    [Theory]
    [InlineData(ActorCategory.AiLab, "AI_LAB")]
    [InlineData(ActorCategory.RawMaterials, "RAW_MATERIALS")]
    [InlineData(ActorCategory.DeploymentPlatform, "DEPLOYMENT_PLATFORM")]
    public void Wire_names_round_trip(ActorCategory category, string wire)
    {
        WireNames.ToWire(category).Should().Be(wire);
        WireNames.TryParse<ActorCategory>(wire, out var parsed).Should().BeTrue();
        parsed.Should().Be(category);
    }
}
