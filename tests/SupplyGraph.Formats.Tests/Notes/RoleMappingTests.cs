using FluentAssertions;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Notes;

namespace SupplyGraph.Formats.Tests.Notes;

public sealed class RoleMappingTests
{
    [Fact]
    public void The_default_mapping_maps_every_role_of_note_003_and_defaults_to_reported()
    {
        // arrange
        var noteRoles = File.ReadAllLines(NotesTestKit.Note003Path)
            .SkipWhile(line => line != "## Related")
            .Where(line => line.StartsWith("- [[", StringComparison.Ordinal))
            .Select(line => line.Split(" — ")[1].Split(" (")[0]);

        // act
        var mapped = noteRoles.Select(role => (Role: role, Found: RoleMapping.Default.TryGet(role, out var target), Target: target)).ToList();

        // assert
        mapped.Should().OnlyContain(entry => entry.Found);
        RoleMapping.Default.DefaultStatus.Should().Be(RelationshipStatus.Reported);
        RoleMapping.Default.TryGet("Distribution", out var distribution).Should().BeTrue();
        distribution.Should().Be(new RoleTarget(RelationshipType.Hosts, RoleDirection.ToNote, RelationshipStatus.Reported));
        RoleMapping.Default.TryGet("restricted   BY", out var restricted).Should().BeTrue();
        restricted.Type.Should().Be(RelationshipType.RestrictedBy);
        mapped.Single(entry => entry.Role == "event").Target.MapsToNothing.Should().BeTrue();
    }

    [Fact]
    public void A_mapping_file_with_an_unknown_type_or_direction_is_an_error_at_its_line_and_column()
    {
        // arrange
        const string Yaml = "roles:\n  peer: COMPETES\n  host: { type: HOSTS, direction: upstream }\n  fine: none\n";
        var types = string.Join(", ", RelationshipTypes.All.Select(info => info.Name)) + " or none";

        // act
        var parse = () => RoleMapping.Parse(Yaml, "roles.yaml");

        // assert
        parse.Should().Throw<DatasetValidationException>().Which.Errors.Select(error => error.ToString()).Should().Equal(
            $"roles.yaml:2:9: roles.peer: unknown relationship type \"COMPETES\"; use one of {types}",
            "roles.yaml:3:35: roles.host.direction: unknown direction \"upstream\"; use from-note (the note's subject → the target) or to-note (the target → the note's subject)");
    }

    [Fact]
    public void A_mapping_file_without_roles_is_an_error()
    {
        // act
        var parse = () => RoleMapping.Parse("status: CONFIRMED\n", "roles.yaml");

        // assert
        parse.Should().Throw<DatasetValidationException>().Which.Errors.Select(error => error.ToString()).Should().Equal(
            "roles.yaml:1:1: roles: missing \"roles\": add a mapping of role: TYPE lines");
    }
}
