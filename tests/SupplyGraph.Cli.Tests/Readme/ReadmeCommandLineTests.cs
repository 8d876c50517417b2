using System.Text;
using System.Text.RegularExpressions;
using SupplyGraph.Cli.Tests;
using SupplyGraph.Testing;

namespace SupplyGraph.Cli.Tests.Readme;

/// <summary>
/// The README's "Command line" examples are run in order on one new embedded store, and the text block under each
/// must be what the command prints (standard output, then standard error; timings masked), so the README cannot rot.
/// SUPPLYGRAPH_UPDATE_README=1 rewrites the blocks instead. Paths in the examples are relative to the repository
/// root; files the examples write go to a folder of the test's own.
/// </summary>
public sealed partial class ReadmeCommandLineTests : IDisposable
{
    private static readonly string ReadmePath = RepositoryPaths.Combine("README.md");
    // No progress lines: how many appear depends on the machine's speed.
    private readonly CliRun cli = new(progressInterval: TimeSpan.FromHours(1));

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task The_command_line_examples_print_what_the_readme_shows()
    {
        // arrange
        var readme = await File.ReadAllTextAsync(ReadmePath, TestContext.Current.CancellationToken);
        var section = Section().Match(readme);
        section.Success.Should().BeTrue("README.md has a command line section between its markers");
        var examples = CommandThenOutput().Matches(section.Value).ToList();
        examples.Should().HaveCountGreaterThan(5);
        var updated = new StringBuilder(readme);
        var failures = new List<string>();

        // act: from the last example back, so rewritten blocks keep the earlier offsets valid
        var printed = new List<string>();
        foreach (var example in examples)
        {
            var result = await cli.InStoreAsync("store", Arguments(example.Groups["command"].Value));
            printed.Add(Normalize(result.Out + result.Error));

            // Every example succeeds but the ones that show an invalid input being refused.
            if (result.ExitCode != 0 && !result.Error.Contains("nothing from it was stored", StringComparison.Ordinal))
            {
                failures.Add($"supplygraph {example.Groups["command"].Value} exited {result.ExitCode}:\n{result}");
            }
        }

        for (var i = examples.Count - 1; i >= 0; i--)
        {
            var block = examples[i].Groups["output"];
            if (Normalize(block.Value) != printed[i])
            {
                failures.Add($"supplygraph {examples[i].Groups["command"].Value}\n--- README shows ---\n{block.Value}\n--- it prints ---\n{printed[i]}");
                updated.Remove(section.Index + block.Index, block.Length).Insert(section.Index + block.Index, printed[i].Length > 0 ? printed[i] + "\n" : "");
            }
        }

        // assert
        if (Environment.GetEnvironmentVariable("SUPPLYGRAPH_UPDATE_README") == "1")
        {
            await File.WriteAllTextAsync(ReadmePath, updated.ToString(), TestContext.Current.CancellationToken);
            return;
        }

        failures.Should().BeEmpty();
    }

    /// <summary>Repository paths made absolute; files the examples write (--out) put in the test's folder.</summary>
    private string[] Arguments(string command)
    {
        var words = Words().Matches(command).Select(match => match.Groups["quoted"].Success ? match.Groups["quoted"].Value : match.Value).ToArray();
        // words[0] is the verb.
        for (var i = 1; i < words.Length; i++)
        {
            if (words[i - 1] == "--out")
            {
                words[i] = cli.Path(words[i]);
            }
            else if (!words[i].StartsWith('-') && (File.Exists(RepositoryPaths.Combine(words[i])) || Directory.Exists(RepositoryPaths.Combine(words[i]))))
            {
                words[i] = RepositoryPaths.Combine(words[i]);
            }
            else if (!words[i].StartsWith('-') && (File.Exists(cli.Path(words[i])) || Directory.Exists(cli.Path(words[i]))))
            {
                words[i] = cli.Path(words[i]);
            }
        }

        return words;
    }

    private string Normalize(string text)
    {
        text = text.Replace(cli.Folder + Path.DirectorySeparatorChar, "", StringComparison.Ordinal)
            .Replace(RepositoryPaths.Root + Path.DirectorySeparatorChar, "", StringComparison.Ordinal)
            .Replace("\r\n", "\n", StringComparison.Ordinal);
        text = Timing().Replace(text, "${rows} in 0.0 s (… rows/s)");
        text = Seconds().Replace(text, "in 0.0 s");
        return string.Join('\n', text.Split('\n').Select(line => line.TrimEnd())).Trim('\n');
    }

    [GeneratedRegex(@"<!-- README-CLI:BEGIN -->.*<!-- README-CLI:END -->", RegexOptions.Singleline)]
    private static partial Regex Section();

    [GeneratedRegex(@"```sh\nsupplygraph (?<command>[^\n]*)\n```\n+```text\n(?<output>(?:[^`]*?\n)?)```", RegexOptions.Singleline)]
    private static partial Regex CommandThenOutput();

    [GeneratedRegex(@"""(?<quoted>[^""]*)""|\S+")]
    private static partial Regex Words();

    [GeneratedRegex(@"(?<rows>[\d,]+ rows) in [\d.]+ s \([\d,]+ rows/s\)")]
    private static partial Regex Timing();

    [GeneratedRegex(@"in \d+\.\d s")]
    private static partial Regex Seconds();
}
