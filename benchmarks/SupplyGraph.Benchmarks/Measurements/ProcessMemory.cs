using System.Globalization;

namespace SupplyGraph.Benchmarks.Measurements;

/// <summary>Resident memory as Linux counts it (<c>/proc/PID/status</c>): now (VmRSS) and at its peak (VmHWM).</summary>
public static class ProcessMemory
{
    public static long ResidentBytes(int processId) => Read(processId, "VmRSS:");

    public static long PeakResidentBytes(int processId) => Read(processId, "VmHWM:");

    public static long PeakResidentBytes() => PeakResidentBytes(Environment.ProcessId);

    private static long Read(int processId, string field)
    {
        var path = $"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/status";
        if (!File.Exists(path))
        {
            return -1;
        }

        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                var kilobytes = line[field.Length..].Trim().Split(' ')[0];
                return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
            }
        }

        return -1;
    }
}
