using SupplyGraph.Benchmarks.Workloads;
using SupplyGraph.Domain.Graph;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Formats.Json;
using SupplyGraph.Store.Embedded;

namespace SupplyGraph.Benchmarks.Measurements;

/// <summary>A store opened once for a run of question benchmarks, with each case's subject and explored count.</summary>
public sealed class QuestionWorkload : IDisposable
{
    private QuestionWorkload(BenchmarkSize size, EmbeddedGraphStore store, IReadOnlyList<PreparedCase> cases)
    {
        Size = size;
        Store = store;
        Cases = cases;
        BareWalk = new BareBreadthFirstWalk(store.Index);
    }

    public BenchmarkSize Size { get; }

    public EmbeddedGraphStore Store { get; }

    public GraphIndex Index => Store.Index;

    public IReadOnlyList<PreparedCase> Cases { get; }

    public BareBreadthFirstWalk BareWalk { get; }

    public PreparedCase Case(string name) => Cases.Single(prepared => prepared.Case.Name == name);

    public static async Task<QuestionWorkload> OpenAsync(BenchmarkPaths paths, BenchmarkSize size, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(size);
        EmbeddedGraphStore store;
        if (size.IsSeed)
        {
            store = new EmbeddedGraphStore(new EmbeddedStoreOptions { InMemory = true });
            await store.InitializeAsync(cancellationToken);
            await store.ImportAsync(SeedDataset.Load(), cancellationToken);
        }
        else
        {
            var database = Path.Combine(size.StoreDirectory(paths), EmbeddedStoreOptions.DefaultFileName);
            if (!File.Exists(database))
            {
                throw new InvalidOperationException($"{database} is missing: run the import measurement for {size.Name} first");
            }

            store = new EmbeddedGraphStore(new EmbeddedStoreOptions { DatabasePath = database });
            await store.InitializeAsync(cancellationToken);
        }

        var prepared = new List<PreparedCase>();
        var cases = await QuestionSubjects.ForAsync(
            size,
            async id => (await store.ExposureAsync(new ExposureQuestion(id, TraversalOptions.Create(asOf: QuestionSubjects.AsOf)), cancellationToken)).Exposed.Count > 0);
        foreach (var question in cases)
        {
            var subject = await store.ResolveAsync(question.Subject, cancellationToken);
            store.Index.TryGetNode(subject.Id, out var start);
            var (explored, partial) = await question.AskAsync(store, cancellationToken);
            prepared.Add(new PreparedCase(question, start, explored, partial));
        }

        return new QuestionWorkload(size, store, prepared);
    }

    public void Dispose() => Store.Dispose();
}

/// <summary>A question case with its start node and how many relationships its answer explored.</summary>
public sealed record PreparedCase(QuestionCase Case, int StartNode, long Explored, bool Partial);
