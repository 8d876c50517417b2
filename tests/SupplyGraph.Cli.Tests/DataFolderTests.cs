
namespace SupplyGraph.Cli.Tests;

/// <summary>
/// Issue 20, point 8: a data folder that is a regular file aborted the host with an unhandled IOException. Now
/// start-up refuses it, naming the setting and the path, with exit code 3 (the store could not be opened).
/// </summary>
public sealed class DataFolderTests : IDisposable
{
    private readonly CliRun run = new();

    public void Dispose() => run.Dispose();

    [Fact]
    public async Task Serve_with_a_data_folder_that_is_a_file_exits_3_naming_the_setting_and_the_path()
    {
        // arrange
        var file = CreateFile("not-a-folder");

        // act
        var result = await CliRun.RunAsync("serve", "--store", "embedded", "--data-dir", file, "--urls", "http://127.0.0.1:0")
            .WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        // assert
        result.ExitCode.Should().Be(ExitCodes.StoreUnavailable, result.ToString());
        result.Error.Should().Contain("SUPPLYGRAPH_DATA_DIR").And.Contain(file).And.Contain("is a file, not a folder");
    }

    [Theory]
    [InlineData("controls", "deepseek")]
    [InlineData("export", "--format", "json")]
    public async Task A_store_verb_with_a_data_folder_that_is_a_file_exits_3_naming_the_setting_and_the_path(params string[] verb)
    {
        // arrange
        var file = CreateFile("store-file");

        // act
        var result = await CliRun.RunAsync([.. verb, "--store", "embedded", "--data-dir", file]);

        // assert
        result.ExitCode.Should().Be(ExitCodes.StoreUnavailable, result.ToString());
        result.Error.Should().Contain("SUPPLYGRAPH_DATA_DIR").And.Contain(file).And.Contain("is a file, not a folder");
    }

    [Fact]
    public async Task A_data_folder_under_a_file_exits_3_naming_the_file_in_the_way()
    {
        // arrange
        var file = CreateFile("in-the-way");
        var below = Path.Combine(file, "data");

        // act
        var result = await CliRun.RunAsync("controls", "deepseek", "--store", "embedded", "--data-dir", below);

        // assert
        result.ExitCode.Should().Be(ExitCodes.StoreUnavailable, result.ToString());
        result.Error.Should().Contain(below).And.Contain($"but {file} above it is a file");
    }

    private string CreateFile(string name)
    {
        var path = run.Path(name);
        File.WriteAllText(path, "a file where the data folder should be");
        return path;
    }
}
