namespace SupplyGraph.Domain.Vocabulary;

/// <summary>The entities an entity's own fields name (a chip's designer and foundries, a model's developer, a rule's issuer).</summary>
public static class EntityReferences
{
    /// <summary>
    /// The ids the entity's fields refer to. A dataset file must hold these too, so a partial export (a neighbourhood)
    /// adds them to stay a file the reader accepts.
    /// </summary>
    public static IEnumerable<string> ReferencedIds(this Entity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return entity switch
        {
            Chip chip => chip.Designer is null ? chip.Foundries : chip.Foundries.Prepend(chip.Designer),
            Model { Developer: { } developer } => [developer],
            Regulation regulation => [regulation.Issuer],
            _ => [],
        };
    }
}
