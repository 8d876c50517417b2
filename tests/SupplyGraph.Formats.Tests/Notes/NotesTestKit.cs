using System.Text;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Exporting;
using SupplyGraph.Domain.Importing;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Json;
using SupplyGraph.Formats.Notes;
using SupplyGraph.Store.Embedded;
using SupplyGraph.Testing;

namespace SupplyGraph.Formats.Tests.Notes;

/// <summary>Stores, notes on disk and readings of the stored graph for the notes importer's tests.</summary>
internal static class NotesTestKit
{
    public const string Note003FileName = "003_67bdc8ecb5f52f54.txt";

    public static string Note003Path => Path.Combine(Path.GetDirectoryName(RepositoryPaths.Root)!, "shared", "seeds", Note003FileName);

    public static CancellationToken Token => TestContext.Current.CancellationToken;

    public static async Task<EmbeddedGraphStore> StoreAsync(bool seeded)
    {
        var store = new EmbeddedGraphStore(new EmbeddedStoreOptions { InMemory = true });
        await store.InitializeAsync(Token);
        if (seeded)
        {
            await store.ImportAsync(SeedDataset.Load(), Token);
        }

        return store;
    }

    public static Task<ImportSummary> ImportNotesAsync(ISupplyGraphStore store, IReadOnlyList<string> paths, NotesOptions? options = null) =>
        store.ImportAsync(new NotesDatasetSource(paths, options ?? NotesOptions.Default), ImportOptions.Default, Token);

    /// <summary>Everything stored, as an export hands it over.</summary>
    public static async Task<(List<Entity> Entities, List<RelationshipRecord> Relationships)> ExportAsync(ISupplyGraphStore store)
    {
        var sink = new CollectingSink();
        await store.ExportAsync(ExportScope.Whole, sink, Token);
        return (sink.Entities, sink.Relationships);
    }

    /// <summary>The 1-based number of the only line of <paramref name="text"/> that starts with <paramref name="start"/>.</summary>
    public static int LineStartingWith(string text, string start) =>
        text.Split('\n').Select((line, index) => (line, index)).Single(entry => entry.line.StartsWith(start, StringComparison.Ordinal)).index + 1;

    public static string LineText(string text, int line) => text.Split('\n')[line - 1].Trim();

    private sealed class CollectingSink : IDatasetSink
    {
        public List<Entity> Entities { get; } = [];

        public List<RelationshipRecord> Relationships { get; } = [];

        public void OnEntity(Entity entity) => Entities.Add(entity);

        public void OnRelationship(RelationshipRecord relationship) => Relationships.Add(relationship);
    }
}

/// <summary>A folder of notes that is deleted with the test.</summary>
internal sealed class TemporaryVault : IDisposable
{
    public TemporaryVault() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "notes-" + Guid.NewGuid().ToString("N"));

    public string Write(string relativePath, string text) => WriteBytes(relativePath, Encoding.UTF8.GetBytes(text));

    public string WriteBytes(string relativePath, byte[] bytes)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
