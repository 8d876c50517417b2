namespace SupplyGraph.Domain.Stores;

/// <summary>
/// The store answered, with an error of its own (a constraint, a terminated transaction, a database that is not
/// there). <see cref="StoreCode"/> is the store's code, so an operator can act on it.
/// </summary>
public sealed class StoreErrorException : Exception
{
    public StoreErrorException()
        : this("store", "The store answered with an error.", isRetryable: false)
    {
    }

    public StoreErrorException(string message)
        : this("store", message, isRetryable: false)
    {
    }

    public StoreErrorException(string message, Exception innerException)
        : this("store", message, isRetryable: false, innerException)
    {
    }

    public StoreErrorException(string storeCode, string message, bool isRetryable, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storeCode);
        StoreCode = storeCode;
        IsRetryable = isRetryable;
    }

    /// <summary>The store's own code for the error, e.g. <c>Neo.ClientError.Schema.ConstraintValidationFailed</c>.</summary>
    public string StoreCode { get; }

    /// <summary>Whether the same request may succeed if sent again.</summary>
    public bool IsRetryable { get; }
}
