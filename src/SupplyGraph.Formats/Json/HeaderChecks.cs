using System.Text.Json;
using SupplyGraph.Formats.Rules;

namespace SupplyGraph.Formats.Json;

/// <summary>
/// The root object's members other than the two arrays ("format", "version", "name", "description", unknown ones):
/// recorded as they are read, in whatever order the file has them, and checked at the end in the order the reader
/// has always reported them.
/// </summary>
internal sealed class HeaderChecks(DatasetErrorList errors)
{
    private readonly HeaderMember format = new();
    private readonly HeaderMember version = new();
    private readonly HeaderMember name = new();
    private readonly HeaderMember description = new();
    private readonly Dictionary<string, (int Line, int Column)> unknownMembers = new(StringComparer.Ordinal);

    /// <summary>The dataset's name: its "name", else the file name without its extension.</summary>
    public string Name(string fileName) => name.Type == JsonTokenType.String ? name.Text! : Path.GetFileNameWithoutExtension(fileName);

    public string? Description => description.Type == JsonTokenType.String ? description.Text : null;

    /// <summary>Records a member of the root object; <paramref name="ordinal"/> is its place among them.</summary>
    public void Record(FieldId id, string memberName, ReadOnlySpan<byte> json, in FieldValue value, (int Line, int Column) position, int ordinal)
    {
        switch (id)
        {
            case FieldId.Format:
                format.Record(json, value, position);
                break;
            case FieldId.Version:
                version.Record(json, value, position);
                break;
            case FieldId.Name:
                name.Record(json, value, position);
                break;
            case FieldId.Description:
                description.Record(json, value, position);
                break;
            case FieldId.Schema:
                break;
            default:
                Unknown(memberName, position, ordinal);
                break;
        }
    }

    /// <summary>The checks of the header, and of the arrays when they are missing, once the whole file is read.</summary>
    public void Check((int Line, int Column) rootPosition, bool hasEntities, bool hasRelationships)
    {
        if (!format.Present || format.Type == JsonTokenType.Null)
        {
            Add(ErrorPhase.Format, "$.format", format.PositionOr(rootPosition), "required field is missing");
        }
        else if (format.Type != JsonTokenType.String)
        {
            Add(ErrorPhase.Format, "$.format", format.Position, $"expected a string, found {format.Description}");
        }
        else if (string.IsNullOrWhiteSpace(format.Text))
        {
            Add(ErrorPhase.Format, "$.format", format.Position, "must not be empty");
        }
        else if (format.Text != DatasetReader.FormatName)
        {
            Add(ErrorPhase.Format, "$.format", format.Position, $"expected \"{DatasetReader.FormatName}\", found \"{format.Text}\"");
        }

        if (!version.Present || version.Type != JsonTokenType.Number || version.Int32 is not { } versionNumber)
        {
            Add(ErrorPhase.Version, "$.version", version.PositionOr(rootPosition), $"required: the format version, a number ({DatasetReader.FormatVersion})");
        }
        else if (versionNumber != DatasetReader.FormatVersion)
        {
            Add(ErrorPhase.Version, "$.version", version.Position, $"unsupported format version {versionNumber}; this build reads version {DatasetReader.FormatVersion}");
        }

        CheckOptionalString(name, ErrorPhase.Name, "$.name");
        CheckOptionalString(description, ErrorPhase.Description, "$.description");
        if (!hasEntities)
        {
            Add(ErrorPhase.EntitiesArray, "$.entities", rootPosition, "required: an array (it may be empty)");
        }

        if (!hasRelationships)
        {
            Add(ErrorPhase.RelationshipsArray, "$.relationships", rootPosition, "required: an array (it may be empty)");
        }
    }

    private void CheckOptionalString(HeaderMember member, ErrorPhase phase, string path)
    {
        if (member.Present && member.Type is not JsonTokenType.Null and not JsonTokenType.String)
        {
            Add(phase, path, member.Position, $"expected a string, found {member.Description}");
        }
    }

    private void Unknown(string memberName, (int Line, int Column) position, int ordinal)
    {
        // Every occurrence is reported; all point at the first, as positions are found by path.
        if (!unknownMembers.TryAdd(memberName, position))
        {
            position = unknownMembers[memberName];
        }

        var hint = FieldSets.Closest(memberName, FieldSets.TopLevel) is { } suggestion ? $"; did you mean \"{suggestion}\"?" : string.Empty;
        errors.Add(ErrorPhase.RootFields, ordinal, 0, "$." + memberName, position, $"unknown field \"{memberName}\"{hint}");
    }

    // The header's few errors are listed even past the error limit: they say the most about a broken file.
    private void Add(ErrorPhase phase, string path, (int Line, int Column) position, string message) =>
        errors.Add(phase, 0, 0, path, position, message, evenIfFull: true);

    /// <summary>One member: its last value (as a lookup by name finds it) and the position of its first.</summary>
    private sealed class HeaderMember
    {
        public bool Present { get; private set; }

        public JsonTokenType Type { get; private set; }

        public string? Text { get; private set; }

        public int? Int32 { get; private set; }

        public string Description { get; private set; } = string.Empty;

        public (int Line, int Column) Position { get; private set; }

        public (int Line, int Column) PositionOr((int Line, int Column) fallback) => Present ? Position : fallback;

        public void Record(ReadOnlySpan<byte> json, in FieldValue value, (int Line, int Column) position)
        {
            if (!Present)
            {
                Position = position;
            }

            Present = true;
            Type = value.Type;
            Text = value.Type == JsonTokenType.String ? JsonText.GetString(json, value) : null;
            Int32 = value.Type == JsonTokenType.Number && JsonText.TryGetInt32(json, value, out var number) ? number : null;
            Description = value.Type == JsonTokenType.String ? $"the string \"{Text}\"" : JsonText.Describe(json, value);
        }
    }
}
