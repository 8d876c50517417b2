namespace SupplyGraph.Cli;

/// <summary>What <c>supplygraph</c> exits with; README "Command line" documents the same table.</summary>
internal static class ExitCodes
{
    /// <summary>Done as asked (validate: every input is valid).</summary>
    public const int Success = 0;

    /// <summary>An input is invalid (validate, import): its errors are printed one per line; nothing of it was stored.</summary>
    public const int InvalidInput = 1;

    /// <summary>The command line itself is wrong: an unknown verb or option, a missing argument.</summary>
    public const int Usage = 2;

    /// <summary>The store could not be opened or used: bad settings, an unreachable server, a failed write.</summary>
    public const int StoreUnavailable = 3;

    /// <summary>A question named an entity that is not in the graph, or names several.</summary>
    public const int NotFound = 4;

    /// <summary>Stopped by Ctrl-C or SIGTERM; an import in progress was rolled back (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;
}
