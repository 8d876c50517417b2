using System.CommandLine;
using SupplyGraph.Domain.Importing;
using SupplyGraph.Formats;
using SupplyGraph.Formats.Csv;
using SupplyGraph.Formats.Json;
using SupplyGraph.Formats.Notes;
using SupplyGraph.Formats.Yaml;

namespace SupplyGraph.Cli;

/// <summary>The inputs named on an import or validate command line, and the options that say how to read them.</summary>
internal sealed class InputSources
{
    private readonly Argument<string[]> paths = new("PATH")
    {
        Description = "Dataset files (.json, .yaml), CSV files in the neo4j-admin header format (.csv), Markdown notes (.md, or a folder of them).",
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly Option<string?> format = new("--as")
    {
        Description = "Read every PATH as this format instead of telling it from the extension.",
        HelpName = "json|yaml|csv|notes",
    };

    private readonly Option<string?> roles = new("--roles")
    {
        Description = "Notes: a YAML file mapping Related-list roles to relationship types (default: datasets/NOTES.md).",
        HelpName = "FILE",
    };

    private readonly Option<bool> skipUnresolvedLinks = new("--skip-unresolved-links")
    {
        Description = "Notes: a Related line whose link names no note and no stored entity is skipped (and reported) instead of failing the note.",
    };

    public InputSources()
    {
        format.AcceptOnlyFromAmong("json", "yaml", "csv", "notes");
    }

    public void AddTo(Command command)
    {
        command.Arguments.Add(paths);
        command.Options.Add(format);
        command.Options.Add(roles);
        command.Options.Add(skipUnresolvedLinks);
    }

    /// <summary>One source per input, in the order named (see <see cref="InputFormats.Group"/>).</summary>
    public IReadOnlyList<IDatasetSource> Open(ParseResult parse)
    {
        var options = new InputOptions
        {
            Format = parse.GetValue(format) switch
            {
                "json" => InterchangeFormat.DatasetJson,
                "yaml" => InterchangeFormat.DatasetYaml,
                "csv" => InterchangeFormat.Csv,
                "notes" => InterchangeFormat.Notes,
                _ => null,
            },
        };
        return [.. InputFormats.Group(parse.GetRequiredValue(paths), options).Select(group => Open(group, parse))];
    }

    private IDatasetSource Open(InputGroup group, ParseResult parse) => group.Format switch
    {
        InterchangeFormat.DatasetJson => new DatasetFileSource(group.Paths[0]),
        InterchangeFormat.DatasetYaml => new YamlDatasetSource(group.Paths[0]),
        InterchangeFormat.Csv => new CsvDatasetSource(group.Paths),
        _ => new NotesDatasetSource(group.Paths, new NotesOptions
        {
            Roles = parse.GetValue(roles) is { Length: > 0 } mapping ? RoleMapping.Load(mapping) : RoleMapping.Default,
            OnUnresolvedLink = parse.GetValue(skipUnresolvedLinks) ? UnresolvedLinks.Skip : UnresolvedLinks.Error,
        }),
    };
}
