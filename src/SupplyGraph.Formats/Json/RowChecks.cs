using System.Runtime.CompilerServices;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Rules;
using ModelEntity = SupplyGraph.Domain.Vocabulary.Model;

namespace SupplyGraph.Formats.Json;

/// <summary>
/// Checks each entity and relationship in the context of the file (unique ids and keys, references, the kinds at the
/// ends of relationships), hands the valid rows to the sink, and locates the errors. What cannot be checked yet,
/// because the entity it names comes later, is kept (small: numbers and positions) and checked by
/// <see cref="CheckDeferred"/> at the end.
/// </summary>
internal sealed class RowChecks
{
    private readonly DatasetInput input;
    private readonly IDatasetSink sink;
    private readonly DatasetErrorList errors;
    private readonly EntityDirectory directory = new();
    private readonly RelationshipKeys keys;
    private readonly ElementRules rules;
    private readonly List<PendingReference> pendingReferences = [];
    private readonly List<PendingRelationship> pendingRelationships = [];
    private readonly List<(int Target, int Order, int Ticket)> referencesToPlace = [];
    private int entityCount;
    private int relationshipCount;

    public RowChecks(DatasetInput input, IDatasetSink sink, DatasetErrorList errors)
    {
        this.input = input;
        this.sink = sink;
        this.errors = errors;
        keys = new RelationshipKeys(directory);
        rules = new ElementRules(directory, new StringPool(), new SourceListPool());
    }

    /// <summary>The members of the element being read; the reader fills it.</summary>
    public ObjectFields Fields => rules.Fields;

    /// <summary>True once the "entities" array has been read to its end (or found not to be an array).</summary>
    public bool EntitiesComplete { get; set; }

    public long EntitiesDelivered { get; private set; }

    public long RelationshipsDelivered { get; private set; }

    /// <summary>The checks that waited for the end of the file.</summary>
    public void CheckDeferred()
    {
        CheckDeferredReferences();
        CheckDeferredRelationships();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void OnEntity(ReadOnlySpan<byte> window, in FieldValue element)
    {
        var index = entityCount++;
        rules.Errors.Reset(ErrorPhase.Entities);
        referencesToPlace.Clear();
        var entity = rules.CheckEntity(window, element, out var failedId);
        if (entity is null)
        {
            if (failedId is not null)
            {
                directory.MarkFailed(failedId);
            }
        }
        else
        {
            var first = directory.Define(rules.EntityNumber, index, entity.Kind);
            if (first >= 0)
            {
                rules.Errors.Add(FieldNames.PathSuffix(FieldId.Id), $"duplicate entity id \"{entity.Id}\" (first defined at $.entities[{first}])");
            }
            else
            {
                sink.OnEntity(entity);
                EntitiesDelivered++;
                CheckReferences(entity);
            }
        }

        if (!rules.Errors.IsEmpty)
        {
            var elementPath = $"$.entities[{index}]";
            var requested = LocateErrors(window, element, elementPath, index);
            foreach (var (target, order, ticket) in referencesToPlace)
            {
                pendingReferences.Add(new PendingReference(target, index, order, elementPath + rules.Errors.PositionRequests[ticket], requested[ticket]));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CheckReferences(Entity entity)
    {
        switch (entity)
        {
            case Chip chip:
                CheckReference(chip.Designer, FieldId.Designer, -1, 0);
                for (var i = 0; i < chip.Foundries.Count; i++)
                {
                    CheckReference(chip.Foundries[i], FieldId.Foundries, i, 1 + i);
                }

                break;
            case ModelEntity model:
                CheckReference(model.Developer, FieldId.Developer, -1, 0);
                break;
            case Regulation regulation:
                CheckReference(regulation.Issuer, FieldId.Issuer, -1, 0);
                break;
        }
    }

    // A reference to a valid entity is checked now; any other waits for the end of the file, when all entities are known.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CheckReference(string? id, FieldId field, int listIndex, int order)
    {
        if (id is null)
        {
            return;
        }

        var number = directory.FindOrAdd(id);
        if (directory.State(number, out var kind) == EntityState.Valid)
        {
            if (kind != EntityKind.Actor)
            {
                rules.Errors.AddOther(ErrorPhase.References, order, ReferencePath(field, listIndex), NotAnActor(id, kind));
            }

            return;
        }

        referencesToPlace.Add((number, order, rules.Errors.RequestPosition(ReferencePath(field, listIndex))));
    }

    private static string ReferencePath(FieldId field, int listIndex) =>
        listIndex < 0 ? FieldNames.PathSuffix(field) : $"{FieldNames.PathSuffix(field)}[{listIndex}]";

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void OnRelationship(ReadOnlySpan<byte> window, in FieldValue element)
    {
        var index = relationshipCount++;
        rules.Errors.Reset(ErrorPhase.Relationships);
        var check = rules.CheckRelationship(window, element, resolveEnds: EntitiesComplete);
        var record = check.Record;
        if (EntitiesComplete)
        {
            if (record is not null)
            {
                var first = keys.Add(record.Key, check.FromNumber, record.Type, check.ToNumber, check.ExplicitId is not null, index);
                if (first >= 0)
                {
                    rules.Errors.Add(string.Empty, DuplicateRelationship(record.Key, first));
                }
                else
                {
                    sink.OnRelationship(record);
                    RelationshipsDelivered++;
                }
            }
        }
        else
        {
            // The entities come later: hand the row over now, check its ends (and so its key) at the end of the file.
            if (record is not null)
            {
                sink.OnRelationship(record);
                RelationshipsDelivered++;
            }

            if (check.FromNumber >= 0 || check.ToNumber >= 0)
            {
                pendingRelationships.Add(Pending(element, check, index));
            }
        }

        if (!rules.Errors.IsEmpty)
        {
            LocateErrors(window, element, $"$.relationships[{index}]", index);
        }
    }

    private PendingRelationship Pending(in FieldValue element, in RelationshipCheck check, int index)
    {
        var elementPosition = PositionOf(element.Start);
        var from = check.FromNumber >= 0 ? PositionOf(rules.Fields.FirstStart(FieldId.From)) : default;
        var to = check.ToNumber >= 0 ? PositionOf(rules.Fields.FirstStart(FieldId.To)) : default;
        return new PendingRelationship(
            index,
            check.FromNumber,
            check.ToNumber,
            check.Type,
            check.ExplicitId,
            check.Record is not null,
            check.EndsOrder,
            elementPosition,
            from,
            to);
    }

    // Adds the element's errors with their positions; returns the positions asked for by RequestPosition.
    private (int Line, int Column)?[] LocateErrors(ReadOnlySpan<byte> window, in FieldValue element, string elementPath, int index)
    {
        var elementErrors = rules.Errors;
        if (errors.IsFull && elementErrors.PositionRequests.Count == 0)
        {
            foreach (var error in elementErrors.Errors)
            {
                errors.Add(error.Phase, index, error.Order, elementPath + error.RelativePath, null, error.Message);
            }

            return [];
        }

        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var error in elementErrors.Errors)
        {
            JsonPositions.AddWithParents(wanted, elementPath + error.RelativePath, elementPath);
        }

        foreach (var request in elementErrors.PositionRequests)
        {
            JsonPositions.AddWithParents(wanted, elementPath + request, elementPath);
        }

        var elementStart = element.Start;
        var offsets = JsonPositions.Locate(window[element.Start..element.End], elementPath, wanted, readToEnd: true);
        foreach (var error in elementErrors.Errors)
        {
            var path = elementPath + error.RelativePath;
            errors.Add(error.Phase, index, error.Order, path, Position(path), error.Message);
        }

        return [.. elementErrors.PositionRequests.Select(request => Position(elementPath + request))];

        (int Line, int Column)? Position(string path) =>
            JsonPositions.Nearest(path, offsets) is { } offset ? PositionOf(elementStart + offset) : null;
    }

    private void CheckDeferredReferences()
    {
        foreach (var reference in pendingReferences)
        {
            var id = directory.Id(reference.Target);
            var message = directory.State(reference.Target, out var kind) switch
            {
                EntityState.Valid when kind != EntityKind.Actor => NotAnActor(id, kind),
                EntityState.Unknown => $"unknown entity id \"{id}\"",
                _ => null,
            };

            if (message is not null)
            {
                errors.Add(ErrorPhase.References, reference.EntityIndex, reference.Order, reference.Path, reference.Position, message);
            }
        }
    }

    // Relationships read before the entities: their ends, the kinds at the ends, then (in file order) their keys.
    private void CheckDeferredRelationships()
    {
        foreach (var pending in pendingRelationships)
        {
            var elementPath = $"$.relationships[{pending.Index}]";
            var problems = 0;
            var fromKind = ResolvePendingEnd(pending, pending.FromNumber, elementPath + ".from", pending.FromPosition, 0, ref problems);
            var toKind = ResolvePendingEnd(pending, pending.ToNumber, elementPath + ".to", pending.ToPosition, 1, ref problems);
            if (pending.Type is not { } type)
            {
                continue;
            }

            if (fromKind is { } from && ElementRules.EndKindError(type, isFrom: true, directory.Id(pending.FromNumber), from) is { } fromError)
            {
                errors.Add(ErrorPhase.Relationships, pending.Index, pending.EndsOrder + 2, elementPath + ".from", pending.FromPosition, fromError);
                problems++;
            }

            if (toKind is { } to && ElementRules.EndKindError(type, isFrom: false, directory.Id(pending.ToNumber), to) is { } toError)
            {
                errors.Add(ErrorPhase.Relationships, pending.Index, pending.EndsOrder + 3, elementPath + ".to", pending.ToPosition, toError);
                problems++;
            }

            if (pending.LocallyValid && problems == 0)
            {
                CheckPendingKey(pending, type, elementPath);
            }
        }
    }

    // The kind of the entity at an end; an unknown id is an error, a failed entity's id was reported with it.
    private EntityKind? ResolvePendingEnd(in PendingRelationship pending, int number, string path, (int Line, int Column) position, int order, ref int problems)
    {
        if (number < 0)
        {
            return null;
        }

        switch (directory.State(number, out var kind))
        {
            case EntityState.Valid:
                return kind;
            case EntityState.Failed:
                return null;
            default:
                problems++;
                errors.Add(ErrorPhase.Relationships, pending.Index, pending.EndsOrder + order, path, position, ElementRules.UnknownEndError(directory.Id(number)));
                return null;
        }
    }

    private void CheckPendingKey(in PendingRelationship pending, RelationshipType type, string elementPath)
    {
        var key = pending.ExplicitId ?? RelationshipRecord.DefaultKey(directory.Id(pending.FromNumber), type, directory.Id(pending.ToNumber));
        var first = keys.Add(key, pending.FromNumber, type, pending.ToNumber, pending.ExplicitId is not null, pending.Index);
        if (first >= 0)
        {
            errors.Add(ErrorPhase.Relationships, pending.Index, int.MaxValue, elementPath, pending.ElementPosition, DuplicateRelationship(key, first));
        }
    }

    private static string NotAnActor(string id, EntityKind kind) => $"\"{id}\" is a {kind}; an Actor is expected here";

    private static string DuplicateRelationship(string key, int first) =>
        $"duplicate relationship \"{key}\" (first defined at $.relationships[{first}]); give each claim its own \"id\"";

    private (int Line, int Column) PositionOf(long windowOffset) => input.PositionOf(input.WindowOffset + windowOffset);

    private readonly record struct PendingReference(int Target, int EntityIndex, int Order, string Path, (int Line, int Column)? Position);

    private readonly record struct PendingRelationship(
        int Index,
        int FromNumber,
        int ToNumber,
        RelationshipType? Type,
        string? ExplicitId,
        bool LocallyValid,
        int EndsOrder,
        (int Line, int Column) ElementPosition,
        (int Line, int Column) FromPosition,
        (int Line, int Column) ToPosition);
}
