namespace SupplyGraph.Domain.Questions;

/// <summary>No entity has the given id, name, alias or citation. Carries the closest names as suggestions.</summary>
public sealed class EntityNotFoundException(string reference, IReadOnlyList<string> suggestions)
    : Exception(suggestions.Count > 0
        ? $"No entity is called \"{reference}\". Did you mean: {string.Join(", ", suggestions)}?"
        : $"No entity is called \"{reference}\".")
{
    public string Reference { get; } = reference;

    public IReadOnlyList<string> Suggestions { get; } = suggestions;
}

/// <summary>The reference names more than one entity; the caller should use an id.</summary>
public sealed class AmbiguousReferenceException(string reference, IReadOnlyList<string> candidateIds)
    : Exception($"\"{reference}\" names {candidateIds.Count} entities ({string.Join(", ", candidateIds)}); use one of these ids.")
{
    public string Reference { get; } = reference;

    public IReadOnlyList<string> CandidateIds { get; } = candidateIds;
}

/// <summary>An argument of a question is out of range or malformed. Names the argument.</summary>
public sealed class InvalidArgumentException(string argument, string message) : Exception(message)
{
    public string Argument { get; } = argument;
}
