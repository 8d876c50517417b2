namespace SupplyGraph.Domain.Datasets;

/// <summary>Thrown when a dataset file fails validation. Nothing from such a file is stored.</summary>
public sealed class DatasetValidationException : Exception
{
    public DatasetValidationException(IReadOnlyList<DatasetError> errors)
        : base(Describe(errors)) => Errors = errors;

    public DatasetValidationException()
        : this([])
    {
    }

    public DatasetValidationException(string message)
        : base(message) => Errors = [];

    public DatasetValidationException(string message, Exception innerException)
        : base(message, innerException) => Errors = [];

    public IReadOnlyList<DatasetError> Errors { get; }

    private static string Describe(IReadOnlyList<DatasetError> errors)
    {
        const int Shown = 20;
        var lines = errors.Take(Shown).Select(error => error.ToString());
        var more = errors.Count > Shown ? $"{Environment.NewLine}… and {errors.Count - Shown} more" : string.Empty;
        return $"The dataset is invalid ({errors.Count} error{(errors.Count == 1 ? "" : "s")}):{Environment.NewLine}"
            + string.Join(Environment.NewLine, lines) + more;
    }
}
