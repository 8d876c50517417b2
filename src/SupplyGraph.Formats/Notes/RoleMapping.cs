using System.Collections.Frozen;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Vocabulary;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SupplyGraph.Formats.Notes;

/// <summary>Which way a mapped relationship points: from the note's subject to the link's target, or back.</summary>
internal enum RoleDirection
{
    /// <summary>The note's subject → the target (<c>from-note</c>).</summary>
    FromNote,

    /// <summary>The target → the note's subject (<c>to-note</c>).</summary>
    ToNote,
}

/// <summary>What one role word of a "Related" line becomes: a relationship type (or none), its direction and status.</summary>
internal sealed record RoleTarget(RelationshipType? Type, RoleDirection Direction, RelationshipStatus Status)
{
    /// <summary>True for a role mapped to <c>none</c>: the line is skipped, not guessed.</summary>
    public bool MapsToNothing => Type is null;
}

/// <summary>
/// The mapping from the role words of notes' "Related" lines to relationship types, read from YAML
/// (format in datasets/NOTES.md; the default is the embedded <c>default-roles.yaml</c>).
/// </summary>
public sealed class RoleMapping
{
    private const string NoneWord = "none";
    private const string DefaultResource = "SupplyGraph.Formats.Notes.default-roles.yaml";

    private static readonly Lazy<RoleMapping> DefaultMapping = new(LoadDefault);

    private readonly FrozenDictionary<string, RoleTarget> roles;

    private RoleMapping(Dictionary<string, RoleTarget> roles, RelationshipStatus defaultStatus)
    {
        this.roles = roles.ToFrozenDictionary(StringComparer.Ordinal);
        DefaultStatus = defaultStatus;
        Roles = [.. roles.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>The documented default (<c>src/SupplyGraph.Formats/Notes/default-roles.yaml</c>).</summary>
    public static RoleMapping Default => DefaultMapping.Value;

    /// <summary>The status of relationships whose role does not set one.</summary>
    public RelationshipStatus DefaultStatus { get; }

    /// <summary>The known role words, normalized (lower case, single spaces), in ordinal order.</summary>
    public IReadOnlyList<string> Roles { get; }

    /// <summary>Reads a mapping file.</summary>
    /// <exception cref="DatasetValidationException">Lists every problem with its line and column.</exception>
    public static RoleMapping Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Reads a mapping from YAML text; <paramref name="fileName"/> names it in errors.</summary>
    /// <exception cref="DatasetValidationException">Lists every problem with its line and column.</exception>
    public static RoleMapping Parse(string yaml, string fileName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        return new RoleMappingReader(fileName).Read(yaml);
    }

    /// <summary>Normalizes a role as written in a note or a mapping file: trimmed, lower case, single spaces.</summary>
    public static string Normalize(string role)
    {
        ArgumentNullException.ThrowIfNull(role);
        return string.Join(' ', role.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
    }

    internal bool TryGet(string role, out RoleTarget target) => roles.TryGetValue(Normalize(role), out target!);

    private static RoleMapping LoadDefault()
    {
        using var stream = typeof(RoleMapping).Assembly.GetManifestResourceStream(DefaultResource)
            ?? throw new InvalidOperationException($"The resource {DefaultResource} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "default-roles.yaml");
    }

    /// <summary>Reads one mapping file, collecting every problem before failing.</summary>
    private sealed class RoleMappingReader(string fileName)
    {
        private static readonly string TypeChoices = string.Join(", ", RelationshipTypes.All.Select(info => info.Name)) + " or " + NoneWord;
        private static readonly string StatusChoices = string.Join(", ", WireNames.AllowedValues<RelationshipStatus>());

        private readonly List<DatasetError> errors = [];

        public RoleMapping Read(string yaml)
        {
            var root = LoadRoot(yaml);
            var status = RelationshipStatus.Reported;
            var roles = new Dictionary<string, RoleTarget>(StringComparer.Ordinal);
            if (root is null)
            {
                if (errors.Count == 0)
                {
                    errors.Add(new DatasetError(fileName, "$", 1, 1, "the mapping file is empty: add \"roles\""));
                }

                Throw();
            }

            if (root is not YamlMappingNode top)
            {
                Add("$", root!, "expected a mapping with \"status\" (optional) and \"roles\"");
                Throw();
                return null!;
            }

            YamlMappingNode? roleNodes = null;
            foreach (var (keyNode, value) in top.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value;
                switch (key)
                {
                    case "status":
                        status = ReadStatus("status", value) ?? status;
                        break;
                    case "roles" when value is YamlMappingNode mapping:
                        roleNodes = mapping;
                        break;
                    case "roles":
                        Add("roles", value, "expected a mapping of role: TYPE lines");
                        break;
                    default:
                        Add(key ?? "$", keyNode, $"unknown key \"{key}\"; a mapping file has \"status\" and \"roles\"");
                        break;
                }
            }

            if (roleNodes is null && !errors.Any(error => error.JsonPath == "roles"))
            {
                errors.Add(new DatasetError(fileName, "roles", 1, 1, "missing \"roles\": add a mapping of role: TYPE lines"));
            }

            foreach (var (keyNode, value) in roleNodes?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
            {
                var role = Normalize((keyNode as YamlScalarNode)?.Value ?? string.Empty);
                var path = $"roles.{role}";
                if (role.Length == 0)
                {
                    Add("roles", keyNode, "a role must be a word or words");
                    continue;
                }

                var target = ReadRole(path, value, status);
                if (target is not null && !roles.TryAdd(role, target))
                {
                    Add(path, keyNode, $"role \"{role}\" is mapped twice (roles are matched ignoring case and spaces)");
                }
            }

            Throw();
            return new RoleMapping(roles, status);
        }

        private YamlNode? LoadRoot(string yaml)
        {
            try
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(yaml));
                return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
            }
            catch (YamlException exception)
            {
                errors.Add(new DatasetError(fileName, "$", (int)exception.Start.Line, (int)exception.Start.Column, NoteYaml.Message(exception)));
                return null;
            }
        }

        private RoleTarget? ReadRole(string path, YamlNode value, RelationshipStatus defaultStatus)
        {
            if (value is YamlScalarNode scalar)
            {
                return TryReadType(path, scalar, out var type) ? new RoleTarget(type, RoleDirection.FromNote, defaultStatus) : null;
            }

            if (value is not YamlMappingNode mapping)
            {
                Add(path, value, "expected a relationship type or { type, direction, status }");
                return null;
            }

            var hasType = false;
            RelationshipType? mappedType = null;
            var direction = RoleDirection.FromNote;
            var status = defaultStatus;
            var valid = true;
            foreach (var (keyNode, field) in mapping.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value;
                switch (key)
                {
                    case "type":
                        hasType = true;
                        valid &= field is YamlScalarNode typeNode ? TryReadType($"{path}.type", typeNode, out mappedType) : Invalid($"{path}.type", field, "expected a relationship type or none");
                        break;
                    case "direction":
                        var directionText = (field as YamlScalarNode)?.Value;
                        if (directionText == "from-note")
                        {
                            direction = RoleDirection.FromNote;
                        }
                        else if (directionText == "to-note")
                        {
                            direction = RoleDirection.ToNote;
                        }
                        else
                        {
                            Add($"{path}.direction", field, $"unknown direction \"{directionText}\"; use from-note (the note's subject → the target) or to-note (the target → the note's subject)");
                            valid = false;
                        }

                        break;
                    case "status":
                        var read = ReadStatus($"{path}.status", field);
                        valid &= read is not null;
                        status = read ?? status;
                        break;
                    default:
                        Add($"{path}.{key}", keyNode, $"unknown key \"{key}\"; a role has \"type\", \"direction\" and \"status\"");
                        valid = false;
                        break;
                }
            }

            if (!hasType)
            {
                Add(path, value, "missing \"type\": give a relationship type or none");
                return null;
            }

            return valid ? new RoleTarget(mappedType, direction, status) : null;
        }

        // A null type means the role maps to nothing (none).
        private bool TryReadType(string path, YamlScalarNode node, out RelationshipType? type)
        {
            var text = node.Value ?? string.Empty;
            type = null;
            if (string.Equals(text, NoneWord, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (RelationshipTypes.TryParse(text, out var parsed))
            {
                type = parsed;
                return true;
            }

            return Invalid(path, node, $"unknown relationship type \"{text}\"; use one of {TypeChoices}");
        }

        private bool Invalid(string path, YamlNode node, string message)
        {
            Add(path, node, message);
            return false;
        }

        private RelationshipStatus? ReadStatus(string path, YamlNode node)
        {
            var text = (node as YamlScalarNode)?.Value;
            if (WireNames.TryParse<RelationshipStatus>(text, out var status))
            {
                return status;
            }

            Add(path, node, $"unknown status \"{text}\"; use one of {StatusChoices}");
            return null;
        }

        private void Add(string path, YamlNode node, string message) =>
            errors.Add(new DatasetError(fileName, path, (int)node.Start.Line, (int)node.Start.Column, message));

        private void Throw()
        {
            if (errors.Count > 0)
            {
                throw new DatasetValidationException(errors);
            }
        }
    }
}
