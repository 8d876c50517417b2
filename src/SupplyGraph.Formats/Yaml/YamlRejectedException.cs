using SupplyGraph.Domain.Datasets;

namespace SupplyGraph.Formats.Yaml;

/// <summary>
/// What the YAML side found wrong (not YAML, not UTF-8, a construct the format has no room for). It travels from the
/// converting thread through the pipe to the JSON reader's thread, where it replaces every other error, as "not
/// valid JSON" does for a JSON file.
/// </summary>
internal sealed class YamlRejectedException : Exception
{
    public YamlRejectedException(DatasetError error)
        : base(error?.ToString()) => Error = error!;

    public YamlRejectedException()
        : this(new DatasetError("", "$", null, null, "rejected"))
    {
    }

    public YamlRejectedException(string message)
        : this(new DatasetError("", "$", null, null, message))
    {
    }

    public YamlRejectedException(string message, Exception innerException)
        : base(message, innerException) => Error = new DatasetError("", "$", null, null, message);

    public DatasetError Error { get; }
}
