namespace SupplyGraph.Formats.Csv;

/// <summary>What a column of a neo4j-admin header is for.</summary>
internal enum CsvColumnRole
{
    Id,
    Label,
    StartId,
    EndId,
    Type,
    Property,

    /// <summary>A helper property of the Neo4j store (nameKeys, ...) or an <c>:IGNORE</c> column: read past, silently.</summary>
    Ignored,

    /// <summary>A property that is no dataset field: read past, reported in the summary's skipped items.</summary>
    Unknown,
}

/// <summary>One column of a header: <c>releaseDate:date</c> is the property releaseDate of type date.</summary>
internal sealed record CsvColumn(int Index, string Header, CsvColumnRole Role, CsvField? Field)
{
    /// <summary>The error location of the column: its header as written.</summary>
    public override string ToString() => Header;
}

/// <summary>A problem with a header column, at its index (-1 for a column that is missing).</summary>
internal readonly record struct CsvHeaderProblem(int Index, string Header, string Message);

/// <summary>
/// The header line of a neo4j-admin CSV file, classified: a node file has an <c>:ID</c> column, a relationship file
/// <c>:START_ID</c>, <c>:END_ID</c> and <c>:TYPE</c>. Types and id spaces are written as neo4j-admin writes them
/// (<c>name:type</c>, <c>:ID(space)</c>); keywords and types are matched ignoring case, property names exactly.
/// </summary>
internal sealed class CsvHeader
{
    private CsvHeader(IReadOnlyList<CsvColumn> columns, IReadOnlyList<CsvHeaderProblem> problems)
    {
        Columns = columns;
        Problems = problems;
        Id = Find(CsvColumnRole.Id);
        Label = Find(CsvColumnRole.Label);
        StartId = Find(CsvColumnRole.StartId);
        EndId = Find(CsvColumnRole.EndId);
        Type = Find(CsvColumnRole.Type);
        foreach (var column in columns)
        {
            if (column.Field is { } field)
            {
                byField.TryAdd(field, column);
            }
        }
    }

    private readonly Dictionary<CsvField, CsvColumn> byField = [];

    public IReadOnlyList<CsvColumn> Columns { get; }

    /// <summary>What is wrong with the header; a file with any problem is not read further.</summary>
    public IReadOnlyList<CsvHeaderProblem> Problems { get; }

    public CsvColumn? Id { get; }

    public CsvColumn? Label { get; }

    public CsvColumn? StartId { get; }

    public CsvColumn? EndId { get; }

    public CsvColumn? Type { get; }

    public bool IsRelationshipFile => Id is null && (StartId is not null || EndId is not null);

    public bool IsNodeFile => !IsRelationshipFile;

    /// <summary>The column of a dataset field, or null when the file has none.</summary>
    public CsvColumn? Column(CsvField field) => byField.GetValueOrDefault(field);

    public static CsvHeader Parse(IReadOnlyList<string> names)
    {
        var problems = new List<CsvHeaderProblem>();
        var roles = names.Select((name, index) => Classify(index, name, problems)).ToList();
        var isRelationshipFile = roles.All(column => column.Role != CsvColumnRole.Id)
            && roles.Any(column => column.Role is CsvColumnRole.StartId or CsvColumnRole.EndId);
        var fields = isRelationshipFile ? CsvFields.RelationshipFields : CsvFields.EntityFields;
        var columns = roles.Select(column => column.Role == CsvColumnRole.Property ? Property(column, fields, problems) : column).ToList();
        var header = new CsvHeader(columns, problems);
        header.CheckStructure(problems);
        problems.Sort((a, b) => a.Index.CompareTo(b.Index));
        return header;
    }

    private static CsvColumn Classify(int index, string header, List<CsvHeaderProblem> problems)
    {
        var colon = header.IndexOf(':', StringComparison.Ordinal);
        var keyword = colon < 0 ? string.Empty : WithoutOptions(header[(colon + 1)..]);
        var space = keyword.IndexOf('(', StringComparison.Ordinal);
        var bare = space < 0 ? keyword : keyword[..space];
        if (space >= 0 && !keyword.EndsWith(')'))
        {
            problems.Add(new CsvHeaderProblem(index, header, $"column \"{header}\" opens an id space with \"(\" but does not close it"));
        }

        var role = bare.ToUpperInvariant() switch
        {
            "ID" => CsvColumnRole.Id,
            "LABEL" => CsvColumnRole.Label,
            "START_ID" => CsvColumnRole.StartId,
            "END_ID" => CsvColumnRole.EndId,
            "TYPE" => CsvColumnRole.Type,
            "IGNORE" => CsvColumnRole.Ignored,
            _ => CsvColumnRole.Property,
        };
        return new CsvColumn(index, header, role, null);
    }

    // Checks a property column's declared type against its field; an untyped column is read as the field's type.
    private static CsvColumn Property(CsvColumn column, IReadOnlyList<CsvField> fields, List<CsvHeaderProblem> problems)
    {
        var colon = column.Header.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? column.Header : column.Header[..colon];
        var type = colon < 0 ? null : WithoutOptions(column.Header[(colon + 1)..]);
        if (CsvFields.HelperColumns.Contains(name))
        {
            return column with { Role = CsvColumnRole.Ignored };
        }

        var field = fields.FirstOrDefault(candidate => candidate.Name == name);
        if (field is null)
        {
            return column with { Role = CsvColumnRole.Unknown };
        }

        if (type is not null && !string.Equals(type, field.AdminType ?? "string", StringComparison.OrdinalIgnoreCase))
        {
            var declared = field.AdminType is null ? $"\"{field.Name}\" (or \"{field.Name}:string\")" : $"\"{field.Header}\" or leave the type out";
            problems.Add(new CsvHeaderProblem(column.Index, column.Header, $"column \"{column.Header}\" declares type \"{type}\", but {field.Name} is {Describe(field.Type)}: write {declared}"));
        }

        return column with { Field = field };
    }

    private static string Describe(CsvValueType type) => type switch
    {
        CsvValueType.TextList => "a list of strings",
        CsvValueType.Date => "a date",
        CsvValueType.Long => "a whole number",
        _ => "a string",
    };

    // neo4j-admin allows options after a type, e.g. "date{timezone:UTC}"; they do not change what is read here.
    private static string WithoutOptions(string type)
    {
        var brace = type.IndexOf('{', StringComparison.Ordinal);
        return (brace < 0 ? type : type[..brace]).Trim();
    }

    private CsvColumn? Find(CsvColumnRole role) => Columns.FirstOrDefault(column => column.Role == role);

    private void CheckStructure(List<CsvHeaderProblem> problems)
    {
        foreach (var role in new[] { CsvColumnRole.Id, CsvColumnRole.Label, CsvColumnRole.StartId, CsvColumnRole.EndId, CsvColumnRole.Type })
        {
            foreach (var extra in Columns.Where(column => column.Role == role).Skip(1))
            {
                problems.Add(new CsvHeaderProblem(extra.Index, extra.Header, $"a second {KeywordOf(role)} column \"{extra.Header}\"; a file has one"));
            }
        }

        foreach (var duplicate in Columns.Where(column => column.Field is not null).GroupBy(column => column.Field!.Name).SelectMany(group => group.Skip(1)))
        {
            problems.Add(new CsvHeaderProblem(duplicate.Index, duplicate.Header, $"a second column for {duplicate.Field!.Name}: \"{duplicate.Header}\""));
        }

        if (IsRelationshipFile)
        {
            if (StartId is null)
            {
                problems.Add(new CsvHeaderProblem(-1, ":START_ID", "no :START_ID column: a relationship file needs \":START_ID\" and \":END_ID\" columns"));
            }

            if (EndId is null)
            {
                problems.Add(new CsvHeaderProblem(-1, ":END_ID", "no :END_ID column: a relationship file needs \":START_ID\" and \":END_ID\" columns"));
            }

            if (Type is null)
            {
                problems.Add(new CsvHeaderProblem(-1, ":TYPE", "no :TYPE column: a relationship file needs one (a type per row; types given on the neo4j-admin command line are not read)"));
            }

            if (Label is not null)
            {
                problems.Add(new CsvHeaderProblem(Label.Index, Label.Header, $"column \"{Label.Header}\" in a relationship file: labels belong to node files"));
            }

            return;
        }

        if (Id is null)
        {
            problems.Add(new CsvHeaderProblem(-1, ":ID", "no :ID column: a node file needs one (\"id:ID\"), a relationship file needs \":START_ID\" and \":END_ID\""));
        }

        if (Label is null)
        {
            problems.Add(new CsvHeaderProblem(-1, ":LABEL", "no :LABEL column: a node file needs one, with the kind of each node (\"Entity;Actor\"); labels given on the neo4j-admin command line are not read"));
        }

        if (Type is not null)
        {
            problems.Add(new CsvHeaderProblem(Type.Index, Type.Header, $"column \"{Type.Header}\" in a node file: types belong to relationship files"));
        }
    }

    private static string KeywordOf(CsvColumnRole role) => role switch
    {
        CsvColumnRole.Id => ":ID",
        CsvColumnRole.Label => ":LABEL",
        CsvColumnRole.StartId => ":START_ID",
        CsvColumnRole.EndId => ":END_ID",
        _ => ":TYPE",
    };
}
