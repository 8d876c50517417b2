using System.Collections;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SupplyGraph.Api.Hosting;
using SupplyGraph.Api.Http.PersistedDocuments;
using SupplyGraph.Testing;

namespace SupplyGraph.Api.Tests.Http.PersistedDocuments;

/// <summary>
/// The dashboard's trusted documents: the manifest its build writes (from src/queries.js) is the reviewed
/// src/SupplyGraph.Dashboard/persisted-documents.json, and every id is the SHA-256 of its text.
/// </summary>
public sealed class PersistedDocumentManifestTests
{
    private static readonly string ReviewedPath = RepositoryPaths.Combine("src", "SupplyGraph.Dashboard", TrustedDocumentStore.ManifestName);

    [Fact]
    public void The_built_manifest_is_the_reviewed_one()
    {
        // arrange
        var built = TrustedDocumentStore.EmbeddedManifest();
        built.Should().NotBeNull("the API embeds the dashboard's build, persisted-documents.json included");

        // act
        var builtText = built!.ReplaceLineEndings("\n");

        // assert
        if (Environment.GetEnvironmentVariable("SUPPLYGRAPH_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(ReviewedPath, builtText);
            return;
        }

        File.Exists(ReviewedPath).Should().BeTrue($"{ReviewedPath} lists the dashboard's trusted documents; write it with `node build.mjs --update-persisted-documents` in src/SupplyGraph.Dashboard");
        builtText.Should().Be(
            File.ReadAllText(ReviewedPath).ReplaceLineEndings("\n"),
            "the dashboard's GraphQL documents (QUERIES in src/SupplyGraph.Dashboard/src/queries.js) changed: review them, then run `node build.mjs --update-persisted-documents` in src/SupplyGraph.Dashboard (or the tests with SUPPLYGRAPH_UPDATE_SNAPSHOTS=1) and commit src/SupplyGraph.Dashboard/persisted-documents.json");
    }

    [Fact]
    public void Every_id_of_the_manifest_is_the_sha256_of_its_utf8_text()
    {
        // arrange
        var manifest = PersistedDocumentRequests.Manifest();

        // act
        var recomputed = manifest.ToDictionary(entry => entry.Key, entry => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(entry.Value))));

        // assert
        manifest.Should().NotBeEmpty();
        recomputed.Should().AllSatisfy(entry => entry.Value.Should().Be(entry.Key));
    }

    [Fact]
    public void The_identifier_is_the_one_of_the_graphql_over_http_specifications_example()
    {
        // arrange: appendix A's example document, without a trailing newline
        const string document = "query ($id: ID!) {\n  user(id: $id) {\n    name\n  }\n}";

        // act
        var id = DocumentIdentifier.Of(document);

        // assert
        id.Should().Be("sha256:7dba4bd717b41f10434822356a93c32b1fb4907b983e854300ad839f84cdcd6e");
        DocumentIdentifier.IsWellFormed(id).Should().BeTrue();
    }

    [Fact]
    public void A_trusted_documents_file_whose_id_is_not_its_texts_stops_the_host_naming_the_setting_and_the_entry()
    {
        // arrange
        var folder = Directory.CreateTempSubdirectory("supplygraph-trusted-").FullName;
        try
        {
            var wrongId = DocumentIdentifier.Of("{ __typename }");
            File.WriteAllText(Path.Combine(folder, "trusted.json"), JsonSerializer.Serialize(new Dictionary<string, string> { [wrongId] = "query Other { __typename }" }));
            var options = new SupplyGraphOptions { GraphQL = { TrustedDocumentsFile = Path.Combine(folder, "trusted.json") } };

            // act
            var result = new SupplyGraphOptionsValidator().Validate(null, options);

            // assert
            result.Failed.Should().BeTrue();
            result.FailureMessage.Should().Contain("SupplyGraph:GraphQL:TrustedDocumentsFile").And.Contain(wrongId);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_missing_trusted_documents_file_stops_the_host_naming_its_path()
    {
        // arrange
        var missing = Path.Combine(Path.GetTempPath(), $"supplygraph-no-such-{Guid.NewGuid():N}.json");
        var options = new SupplyGraphOptions { GraphQL = { TrustedDocumentsFile = missing } };

        // act
        var result = new SupplyGraphOptionsValidator().Validate(null, options);

        // assert
        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain("SUPPLYGRAPH_TRUSTED_DOCUMENTS_FILE").And.Contain(missing);
    }

    [Fact]
    public void The_flat_variables_set_the_option_and_the_file()
    {
        // arrange
        var environment = new Hashtable { ["SUPPLYGRAPH_TRUSTED_DOCUMENTS_ONLY"] = "true", ["SUPPLYGRAPH_TRUSTED_DOCUMENTS_FILE"] = "/etc/supplygraph/trusted.json" };

        // act
        var settings = FlatEnvironmentVariables.ToConfiguration(environment);

        // assert
        settings.Should().Contain("SupplyGraph:GraphQL:TrustedDocumentsOnly", "true")
            .And.Contain("SupplyGraph:GraphQL:TrustedDocumentsFile", "/etc/supplygraph/trusted.json");
    }
}
