using CsvHelper;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Importing;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Rules;
using ModelEntity = SupplyGraph.Domain.Vocabulary.Model;

namespace SupplyGraph.Formats.Csv;

/// <summary>
/// One read of a set of CSV files: the headers of all files, then the node files, then the entity references they
/// make (designer, foundries, developer, issuer), then the relationship files. Rows go to the sink as soon as they are
/// checked; every error is collected and thrown at the end in one <see cref="DatasetValidationException"/>.
/// </summary>
internal sealed class CsvDatasetRead(
    string name,
    IReadOnlyList<string> paths,
    Func<string, Stream> open,
    IDatasetSink sink,
    IEntityLookup existing,
    CancellationToken cancellationToken)
{
    private readonly CsvErrors errors = new(name);
    private readonly CsvEntityDirectory directory = new(existing);
    private readonly Dictionary<string, (string File, int Line)> relationshipKeys = new(StringComparer.Ordinal);
    private readonly List<PendingReference> references = [];
    private readonly List<SkippedItem> skipped = [];
    // Each file's path as given, by file index: errors name it so (a folder's files are the folder joined with their names).
    private readonly List<string> filePaths = [];
    private long entities;
    private long relationships;

    // A node file that could not be read: relationships into it would only repeat its errors as unknown ids.
    private bool nodeFilesIncomplete;

    public async Task<DatasetHeader> RunAsync()
    {
        var files = paths.Select((path, index) => ReadHeader(path, index)).ToList();
        var nodeFiles = files.Where(file => file.Header is { IsNodeFile: true }).ToList();
        var relationshipFiles = files.Where(file => file.Header is { IsRelationshipFile: true }).ToList();
        nodeFilesIncomplete = files.Any(file => file.Header is null || (file.Header.IsNodeFile && file.Header.Problems.Count > 0));
        foreach (var file in nodeFiles.Where(file => file.Header!.Problems.Count == 0))
        {
            await ReadFileAsync(file, ReadNode);
        }

        await CheckReferencesAsync();
        foreach (var file in relationshipFiles.Where(file => file.Header!.Problems.Count == 0))
        {
            await ReadFileAsync(file, ReadRelationshipAsync);
        }

        if (errors.Any)
        {
            throw new DatasetValidationException(errors.ToList());
        }

        return new DatasetHeader(name, null, entities, relationships) { Skipped = skipped };
    }

    private async Task ReadFileAsync(CsvFile file, Func<CsvRowReader, CsvHeader, ValueTask> readRow)
    {
        using var rows = new CsvRowReader(open(file.Path), file.Path, file.Order, errors);
        await ReadRowsAsync(rows, () =>
        {
            rows.ReadHeader();
            return ValueTask.CompletedTask;
        });
        await ReadRowsAsync(rows, async () =>
        {
            while (rows.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (rows.FieldCount > file.Header!.Columns.Count)
                {
                    rows.ErrorAtField(file.Header.Columns.Count, "row", $"the row has {rows.FieldCount} fields; the header has {file.Header.Columns.Count}");
                    continue;
                }

                await readRow(rows, file.Header);
            }
        });
    }

    // The format errors that end the reading of a file: a byte that is not UTF-8, broken quoting.
    private static async Task<bool> ReadRowsAsync(CsvRowReader rows, Func<ValueTask> read)
    {
        try
        {
            await read();
            return true;
        }
        catch (NotUtf8Exception exception)
        {
            rows.ErrorAt(exception.Line, exception.Column, "encoding", exception.Message);
        }
        catch (CsvFormatException exception)
        {
            rows.ErrorAt((int)Math.Max(1, exception.LineNumber), 1, "quoting", $"bad CSV: {exception.Message}");
        }

        return false;
    }

    private CsvFile ReadHeader(string path, int index)
    {
        filePaths.Add(path);
        using var rows = new CsvRowReader(open(path), path, index, errors);
        IReadOnlyList<string> names = [];
        if (!ReadRowsAsync(rows, () =>
        {
            names = rows.ReadHeader();
            return ValueTask.CompletedTask;
        }).GetAwaiter().GetResult())
        {
            return new CsvFile(path, index, null);
        }

        if (names.Count == 0 || (names.Count == 1 && string.IsNullOrWhiteSpace(names[0])))
        {
            rows.ErrorAt(1, 1, "header", "the file is empty: its first line must be a neo4j-admin header (\"id:ID,:LABEL,name,...\" for nodes, \":START_ID,:END_ID,:TYPE,...\" for relationships)");
            return new CsvFile(path, index, null);
        }

        var header = CsvHeader.Parse(names);

        // Node files are read first: their errors come first too.
        var order = header.IsRelationshipFile ? paths.Count + index : index;
        rows.FileOrder = order;
        foreach (var problem in header.Problems)
        {
            var column = problem.Index < 0 ? 1 : CsvRecordPositions.Of(System.Text.Encoding.UTF8.GetBytes(string.Join(',', names.Select(Quoted))), 1, problem.Index).Column;
            rows.ErrorAt(1, column, problem.Header, problem.Message);
        }

        foreach (var column in header.Columns.Where(column => column.Role == CsvColumnRole.Unknown))
        {
            skipped.Add(new SkippedItem(Path.GetFileName(path), 1, $"column \"{column.Header}\"", "not a SupplyGraph field: its values are not imported"));
        }

        return new CsvFile(path, order, header);
    }

    // Header names as they were written, for positions: quoted again when they hold a comma or a quote.
    private static string Quoted(string name) =>
        name.AsSpan().IndexOfAny(",\"\n") >= 0 ? $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : name;

    private ValueTask ReadNode(CsvRowReader row, CsvHeader header)
    {
        var idColumn = header.Id;
        var id = row.RequiredText(idColumn, FieldNames.Id);
        if (id is not null && !TextRules.IsEntityId(id))
        {
            row.Error(idColumn, FieldNames.Id, $"\"{id}\" is not a valid id: use lower-case letters, digits and single hyphens (\"nvidia-h800\")");
        }

        var kind = Kind(row, header.Label);
        var fields = new CsvEntityFields(row, header);
        var common = EntityRules.ReadCommon(ref fields, id);
        Entity? entity = null;
        if (kind is { } known)
        {
            CheckOtherKindsFields(row, header, known);
            entity = EntityRules.Build(ref fields, known, common);
        }

        if (entity is null || row.RowErrors > 0)
        {
            if (id is not null)
            {
                directory.MarkFailed(id, row.FileOrder, row.Line);
            }

            return ValueTask.CompletedTask;
        }

        if (!directory.TryDefine(entity.Id, entity.Kind, row.FileOrder, row.Line, out var first))
        {
            row.Error(idColumn, FieldNames.Id, $"duplicate entity id \"{entity.Id}\" (first defined at {filePaths[first.File]}:{first.Line})");
            return ValueTask.CompletedTask;
        }

        sink.OnEntity(entity);
        entities++;
        KeepReferences(row, header, entity);
        return ValueTask.CompletedTask;
    }

    private static EntityKind? Kind(CsvRowReader row, CsvColumn? column)
    {
        var text = row.RequiredText(column, ":LABEL");
        if (text is null)
        {
            return null;
        }

        EntityKind? kind = null;
        foreach (var label in text.Split(CsvDatasetWriter.ArrayDelimiter, StringSplitOptions.RemoveEmptyEntries))
        {
            if (label == CsvDatasetWriter.EntityLabel)
            {
                continue;
            }

            if (!WireNames.TryParse<EntityKind>(label, out var parsed))
            {
                row.Error(column, ":LABEL", $"unknown label \"{label}\": a node has the label {CsvDatasetWriter.EntityLabel} and one of {KindList}");
                return null;
            }

            if (kind is not null)
            {
                row.Error(column, ":LABEL", $"two kinds, {kind} and {parsed}: a node has exactly one of {KindList}");
                return null;
            }

            kind = parsed;
        }

        if (kind is null)
        {
            row.Error(column, ":LABEL", $"no kind in \"{text}\": a node needs one of {KindList} (\"{CsvDatasetWriter.EntityLabel};Actor\")");
        }

        return kind;
    }

    private static string KindList => string.Join(", ", Enum.GetValues<EntityKind>());

    // A value in a column of another kind (a mixed node file): an error, as an unknown member is in the JSON format.
    private static void CheckOtherKindsFields(CsvRowReader row, CsvHeader header, EntityKind kind)
    {
        foreach (var column in header.Columns)
        {
            if (column.Field is { } field && !field.BelongsTo(kind) && row.Text(column) is not null)
            {
                row.Error(column, field.Name, $"unknown field \"{field.Name}\"; it belongs to {string.Join(" or ", field.Kinds)}, not {kind}");
            }
        }
    }

    // References to actors are checked once every node file is read: the actor may come in a later file, or be stored.
    private void KeepReferences(CsvRowReader row, CsvHeader header, Entity entity)
    {
        switch (entity)
        {
            case Chip chip:
                Keep(chip.Designer, CsvFields.Designer);
                foreach (var foundry in chip.Foundries)
                {
                    Keep(foundry, CsvFields.Foundries);
                }

                break;
            case ModelEntity model:
                Keep(model.Developer, CsvFields.Developer);
                break;
            case Regulation regulation:
                Keep(regulation.Issuer, CsvFields.Issuer);
                break;
        }

        void Keep(string? id, CsvField field)
        {
            if (id is not null && header.Column(field) is { } column)
            {
                var (line, columnNumber) = row.PositionOf(column.Index);
                references.Add(new PendingReference(id, row.FileOrder, row.File, column.Header, line, columnNumber));
            }
        }
    }

    private async Task CheckReferencesAsync()
    {
        foreach (var reference in references)
        {
            var (state, kind) = await directory.ResolveAsync(reference.Id, cancellationToken);
            var message = state switch
            {
                CsvEntityState.Missing when !nodeFilesIncomplete => $"unknown entity id \"{reference.Id}\": no node file has it, nor the store it is imported into",
                CsvEntityState.Valid or CsvEntityState.Stored when kind != EntityKind.Actor => $"\"{reference.Id}\" is a {kind}; an Actor is expected here",
                _ => null,
            };
            if (message is not null)
            {
                errors.Add(reference.FileOrder, reference.File, reference.Where, reference.Line, reference.Column, message);
            }
        }

        references.Clear();
    }

    private async ValueTask ReadRelationshipAsync(CsvRowReader row, CsvHeader header)
    {
        var from = row.RequiredText(header.StartId, ":START_ID");
        var to = row.RequiredText(header.EndId, ":END_ID");
        RelationshipType? type = null;
        if (row.RequiredText(header.Type, ":TYPE") is { } typeText)
        {
            if (RelationshipTypes.TryParse(typeText, out var parsed))
            {
                type = parsed;
            }
            else
            {
                row.Error(header.Type, ":TYPE", $"unknown relationship type \"{typeText}\"; expected one of {string.Join(", ", RelationshipTypes.All.Select(info => info.Name))}");
            }
        }

        var keyColumn = header.Column(CsvFields.Key);
        var key = row.Text(keyColumn);
        if (key is not null && !TextRules.IsRelationshipId(key))
        {
            row.Error(keyColumn, CsvFields.Key.Name, $"\"{key}\" is not a valid relationship key: use letters, digits, underscores, hyphens and slashes (\"deepseek-v3/TRAINED_ON/nvidia-h800/seed-000\")");
        }

        var validFrom = row.Date(header.Column(CsvFields.ValidFrom), CsvFields.ValidFrom.Name, required: false);
        var validTo = row.Date(header.Column(CsvFields.ValidTo), CsvFields.ValidTo.Name, required: false);
        if (validFrom is { } start && validTo is { } end && end < start)
        {
            row.Error(header.Column(CsvFields.ValidTo), CsvFields.ValidTo.Name, $"validTo {end:yyyy-MM-dd} is before validFrom {start:yyyy-MM-dd}");
        }

        var status = row.Enum<RelationshipStatus>(header.Column(CsvFields.Status), CsvFields.Status.Name, "status");
        var note = row.Text(header.Column(CsvFields.Note));
        var sources = row.Sources(header.Column(CsvFields.RelationshipSources));
        var fromKind = await EndKindAsync(row, header.StartId!, from);
        var toKind = await EndKindAsync(row, header.EndId!, to);
        if (type is { } known)
        {
            var info = RelationshipTypes.Info(known);
            if (fromKind is { } fromIs && !info.FromKinds.Contains(fromIs))
            {
                row.Error(header.StartId, ":START_ID", $"{info.Name} goes from {string.Join(" or ", info.FromKinds)}; \"{from}\" is a {fromIs}");
            }

            if (toKind is { } toIs && !info.ToKinds.Contains(toIs))
            {
                row.Error(header.EndId, ":END_ID", $"{info.Name} goes to {string.Join(" or ", info.ToKinds)}; \"{to}\" is a {toIs}");
            }
        }

        if (row.RowErrors > 0 || type is null || status is null || fromKind is null || toKind is null)
        {
            return;
        }

        var record = new RelationshipRecord
        {
            Key = key ?? RelationshipRecord.DefaultKey(from!, type.Value, to!),
            Type = type.Value,
            From = from!,
            To = to!,
            ValidFrom = validFrom,
            ValidTo = validTo,
            Status = status.Value,
            Note = note,
            Sources = sources,
        };
        if (relationshipKeys.TryGetValue(record.Key, out var first))
        {
            row.Error(keyColumn ?? header.StartId, CsvFields.Key.Name, $"duplicate relationship \"{record.Key}\" (first defined at {first.File}:{first.Line}); give each claim its own \"key\"");
            return;
        }

        relationshipKeys.Add(record.Key, (row.File, row.Line));
        sink.OnRelationship(record);
        relationships++;
    }

    // The kind of the entity at an end, from the node files or the store; null (reported once) when there is none.
    private async ValueTask<EntityKind?> EndKindAsync(CsvRowReader row, CsvColumn column, string? id)
    {
        if (id is null)
        {
            return null;
        }

        var (state, kind) = await directory.ResolveAsync(id, cancellationToken);
        if (state == CsvEntityState.Missing && !nodeFilesIncomplete)
        {
            row.Error(column, column.Header, $"unknown entity id \"{id}\": no node file has it, nor the store it is imported into");
        }

        return state is CsvEntityState.Valid or CsvEntityState.Stored ? kind : null;
    }

    private sealed record CsvFile(string Path, int Order, CsvHeader? Header);

    private readonly record struct PendingReference(string Id, int FileOrder, string File, string Where, int Line, int Column);

}
