using System.Text;
using System.Text.RegularExpressions;
using FluentAssertions;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Store.Neo4j.Cypher;
using SupplyGraph.Testing;

namespace SupplyGraph.Store.Neo4j.Tests.Cypher;

/// <summary>
/// The hand-written files of cypher/queries, which analysts paste into Neo4j Browser: one statement each, every
/// parameter documented as a `// :param` line (the dashboard's "Copy as Cypher" fills those), and only the labels and
/// relationship types the vocabulary has. The walking files step along the vocabulary's dependency groups.
/// Whether they return the service's entities is checked on a real server (Analyst/AnalystCypherTests).
/// </summary>
public sealed partial class QuestionCypherFilesTests
{
    /// <summary>The files that walk the supply chain as the domain does (paths walks every type, so it is not one).</summary>
    private static readonly string[] WalkingFiles = ["supply-chain.cypher", "export-controls.cypher", "exposure.cypher", "changes.cypher"];

    public static TheoryData<string> QueryFiles => [.. Directory.GetFiles(RepositoryPaths.Combine("cypher", "queries"), "*.cypher")
        .Select(Path.GetFileName)
        .OfType<string>()
        .Order(StringComparer.Ordinal)];

    public static TheoryData<string> WalkingFileNames => [.. WalkingFiles];

    [Fact]
    public void Every_question_of_the_service_has_its_file()
    {
        // arrange
        string[] questions = ["supply-chain.cypher", "export-controls.cypher", "exposure.cypher", "paths.cypher", "entity-profile.cypher"];

        // act
        var files = QueryFiles.Select(row => row.Data);

        // assert
        files.Should().Contain(questions);
    }

    [Theory]
    [MemberData(nameof(QueryFiles))]
    public void The_file_is_one_statement(string file)
    {
        // arrange
        var text = Read(file);

        // act
        var statements = CypherScript.FromText(file, text).Statements;

        // assert
        statements.Should().ContainSingle($"an analyst pastes {file} into Neo4j Browser and runs it once");
    }

    [Theory]
    [MemberData(nameof(QueryFiles))]
    public void The_file_starts_by_saying_what_it_answers(string file)
    {
        // arrange
        var text = Read(file);

        // act
        var header = string.Concat(text.Split('\n').TakeWhile(line => line.StartsWith("//", StringComparison.Ordinal)));

        // assert
        text.Should().StartWith("// ");
        header.Should().Contain("service", "the header says how the rows relate to the service's answer");
    }

    [Theory]
    [MemberData(nameof(QueryFiles))]
    public void Every_parameter_the_file_uses_is_documented_and_every_documented_one_is_used(string file)
    {
        // arrange
        var text = Read(file);

        // act
        var documented = DocumentedParameter().Matches(text).Select(match => match.Groups["name"].Value).ToList();
        var used = Parameter().Matches(CodeOf(text, keepStrings: false)).Select(match => match.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);

        // assert
        documented.Should().OnlyHaveUniqueItems();
        documented.Should().BeEquivalentTo(used, $"{file} documents each of its parameters as a `// :param name => example` line");
    }

    [Theory]
    [MemberData(nameof(QueryFiles))]
    public void The_file_names_only_labels_and_relationship_types_of_the_vocabulary(string file)
    {
        // arrange
        var code = CodeOf(Read(file), keepStrings: true);
        var labels = Enum.GetValues<EntityKind>().Select(kind => kind.ToString()).Append("Entity").ToHashSet(StringComparer.Ordinal);
        var types = RelationshipTypes.All.Select(info => info.Name).ToHashSet(StringComparer.Ordinal);

        // act
        var namedLabels = LabelsIn(code);
        var namedTypes = RelationshipTypesIn(code);

        // assert
        namedLabels.Should().BeSubsetOf(labels);
        namedTypes.Should().BeSubsetOf(types);
    }

    [Theory]
    [MemberData(nameof(WalkingFileNames))]
    public void The_walk_steps_along_the_dependency_groups_of_the_vocabulary_and_never_along_context(string file)
    {
        // arrange: the groups a walk steps along, from the relationship table
        var dependencies = RelationshipTypes.All.Where(info => info.IsDependency).ToList();
        string[][] groups =
        [
            [.. dependencies.Where(info => info.UpstreamEnd == RelationshipEnd.To).Select(info => info.Name)],
            [.. dependencies.Where(info => info.UpstreamEnd == RelationshipEnd.From && info.Role != RelationshipRole.Serving).Select(info => info.Name)],
            [.. dependencies.Where(info => info.Role == RelationshipRole.Product).Select(info => info.Name)],
            [.. dependencies.Where(info => info.Role == RelationshipRole.Serving).Select(info => info.Name)],
        ];
        var controls = RelationshipTypes.All.Where(info => info.Role == RelationshipRole.Control).Select(info => info.Name).ToHashSet(StringComparer.Ordinal);
        var code = CodeOf(Read(file), keepStrings: true);

        // act
        var typeLists = TypeList().Matches(code).Select(match => StringLiteral().Matches(match.Groups["list"].Value).Select(literal => literal.Groups["text"].Value).ToHashSet(StringComparer.Ordinal)).ToList();
        var stepped = RelationshipTypesIn(code).Where(name => !controls.Contains(name)).ToHashSet(StringComparer.Ordinal);

        // assert
        typeLists.Should().NotBeEmpty();
        typeLists.Should().OnlyContain(list => groups.Any(group => list.SetEquals(group)), "each list of types a step takes is one whole group of the relationship table");
        stepped.Should().BeEquivalentTo(dependencies.Select(info => info.Name), "the walk steps along every dependency and nothing else (BACKED_BY is funding, not supply)");
    }

    private static string Read(string file) => File.ReadAllText(RepositoryPaths.Combine("cypher", "queries", file)).Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>Labels in node patterns, `(x:Label)`, and in label predicates, `x:Label`.</summary>
    private static HashSet<string> LabelsIn(string code) =>
        [.. Label().Matches(CodeOf(code, keepStrings: false)).Select(match => match.Groups["label"].Value)];

    /// <summary>Types in relationship patterns, `[x:A|B]`, and in `type(x) IN ['A', 'B']` or `type(x) = 'A'`.</summary>
    private static HashSet<string> RelationshipTypesIn(string code)
    {
        var inPatterns = RelationshipPattern().Matches(CodeOf(code, keepStrings: false))
            .SelectMany(match => match.Groups["types"].Value.Split('|', StringSplitOptions.TrimEntries));
        var inLists = TypeList().Matches(code)
            .SelectMany(match => StringLiteral().Matches(match.Groups["list"].Value).Select(literal => literal.Groups["text"].Value));
        var compared = TypeComparison().Matches(code).Select(match => match.Groups["text"].Value);
        return [.. inPatterns.Concat(inLists).Concat(compared)];
    }

    /// <summary>The Cypher without its comments; string literals kept, or emptied so that nothing inside them counts.</summary>
    private static string CodeOf(string text, bool keepStrings)
    {
        var code = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                i = text.IndexOf('\n', i) is var end and >= 0 ? end - 1 : text.Length;
                continue;
            }

            if (text[i] is '\'' or '"')
            {
                var quote = text[i];
                var end = i + 1;
                while (end < text.Length && text[end] != quote)
                {
                    end += text[end] == '\\' ? 2 : 1;
                }

                code.Append(quote);
                if (keepStrings)
                {
                    code.Append(text, i + 1, Math.Min(end, text.Length) - i - 1);
                }

                code.Append(quote);
                i = end;
                continue;
            }

            code.Append(text[i]);
        }

        return code.ToString();
    }

    [GeneratedRegex(@"^//\s*:param\s+(?<name>\w+)\s*=>", RegexOptions.Multiline)]
    private static partial Regex DocumentedParameter();

    [GeneratedRegex(@"\$(?<name>[A-Za-z_]\w*)")]
    private static partial Regex Parameter();

    // A node's variable and label, `(x:Label`, or a label predicate, `x:Label` (not a relationship's `[x:TYPE`).
    [GeneratedRegex(@"(?:\(\s*\w*\s*:\s*|(?<!\[)\b[a-z]\w*:)(?<label>[A-Z]\w*)")]
    private static partial Regex Label();

    [GeneratedRegex(@"\[\s*\w*\s*:\s*(?<types>[A-Z_]+(?:\s*\|\s*[A-Z_]+)*)")]
    private static partial Regex RelationshipPattern();

    [GeneratedRegex(@"type\(\w+\)\s+IN\s+\[(?<list>[^\]]*)\]")]
    private static partial Regex TypeList();

    [GeneratedRegex(@"type\(\w+\)\s*=\s*'(?<text>[^']*)'")]
    private static partial Regex TypeComparison();

    [GeneratedRegex(@"'(?<text>[^']*)'")]
    private static partial Regex StringLiteral();
}
