using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Domain.Importing;

/// <summary>Finds entities already stored, for inputs that refer to entities outside themselves.</summary>
public interface IEntityLookup
{
    /// <summary>
    /// Resolves a reference as the resolve question does (exact id, then name, then alias, ignoring case; a name
    /// outranks an alias). Null when nothing matches.
    /// </summary>
    /// <exception cref="AmbiguousReferenceException">When several entities match equally.</exception>
    Task<Entity?> ResolveAsync(string reference, CancellationToken cancellationToken);
}

/// <summary>Lookups to hand to <see cref="IDatasetSource.ReadIntoAsync"/>.</summary>
public static class EntityLookup
{
    /// <summary>Nothing is stored: only the input itself counts (validate, without a store).</summary>
    public static IEntityLookup None { get; } = new NoEntities();

    /// <summary>Looks entities up in a store through its resolve question.</summary>
    public static IEntityLookup In(IGraphQueries store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return Using(store.ResolveAsync);
    }

    /// <summary>Looks entities up through <paramref name="resolve"/>, which throws <see cref="EntityNotFoundException"/> for no match.</summary>
    public static IEntityLookup Using(Func<string, CancellationToken, Task<Entity>> resolve) =>
        new Resolving(resolve ?? throw new ArgumentNullException(nameof(resolve)));

    /// <summary>The entity whose id is exactly <paramref name="id"/>, or null.</summary>
    public static async Task<Entity?> FindByIdAsync(this IEntityLookup lookup, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        try
        {
            // Resolve tries the exact id first, so any other answer means no entity has this id.
            var entity = await lookup.ResolveAsync(id, cancellationToken);
            return entity is not null && string.Equals(entity.Id, id, StringComparison.Ordinal) ? entity : null;
        }
        catch (AmbiguousReferenceException)
        {
            return null;
        }
    }

    private sealed class NoEntities : IEntityLookup
    {
        public Task<Entity?> ResolveAsync(string reference, CancellationToken cancellationToken) => Task.FromResult<Entity?>(null);
    }

    private sealed class Resolving(Func<string, CancellationToken, Task<Entity>> resolve) : IEntityLookup
    {
        public async Task<Entity?> ResolveAsync(string reference, CancellationToken cancellationToken)
        {
            try
            {
                return await resolve(reference, cancellationToken);
            }
            catch (EntityNotFoundException)
            {
                return null;
            }
        }
    }
}
