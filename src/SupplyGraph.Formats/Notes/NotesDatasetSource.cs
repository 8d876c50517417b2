using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Importing;
using SupplyGraph.Formats.Json;

namespace SupplyGraph.Formats.Notes;

/// <summary>
/// Analysts' Markdown notes (Obsidian style, datasets/NOTES.md): each note is an entity (its title, aliases and tags),
/// its "Related" list becomes typed relationships through the <see cref="RoleMapping"/>, and every fact cites the note's
/// file and line. Notes are read one at a time, twice: first to learn which entity each is about (so notes can link
/// to each other), then to build the entities and relationships.
/// </summary>
public sealed class NotesDatasetSource : IDatasetSource
{
    private readonly IReadOnlyList<string> paths;
    private readonly NotesOptions options;

    /// <param name="paths">Note files (any extension) or folders (every <c>*.md</c> and <c>*.markdown</c> below them).</param>
    public NotesDatasetSource(IReadOnlyList<string> paths, NotesOptions options)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        if (paths.Count == 0 || paths.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Give at least one note file or folder, and no empty paths.", nameof(paths));
        }

        this.paths = [.. paths];
        this.options = options;
        Name = paths.Count == 1 ? Path.GetFileName(Path.TrimEndingDirectorySeparator(paths[0])) : "notes";
        Length = paths.All(File.Exists) ? paths.Sum(path => new FileInfo(path).Length) : null;
    }

    public string Name { get; }

    public long? Length { get; }

    public async Task<DatasetHeader> ReadIntoAsync(IDatasetSink sink, IEntityLookup existing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(existing);
        var errors = new List<(int File, DatasetError Error)>();
        var skipped = new List<SkippedItem>();
        var notes = new NoteIndex(existing);

        // First read: which entity each note is about.
        var files = new List<(string Path, NoteEntry? Entry)>();
        foreach (var path in NoteFiles.Enumerate(paths))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var order = files.Count;
            var sink1 = new NoteErrorSink(path, error => errors.Add((order, error)));
            var note = await ParseAsync(path, sink1, cancellationToken);
            var entry = note is null ? null : await NoteIdentity.IdentifyAsync(note, existing, sink1, cancellationToken);
            if (entry is not null && notes.Add(entry) is { } first)
            {
                sink1.Add(NoteErrorSink.TitlePath, Math.Max(note!.Title.Line, 1), Math.Max(note.Title.Column, 1),
                    $"{first.File} is about \"{first.Id}\" too: keep one note per entity, or set front matter \"id\" to tell them apart");
                entry = null;
            }

            files.Add((path, entry));
        }

        // Second read: the entities and relationships.
        var relationships = new NoteRelationships(options, notes, skipped);
        long entities = 0, relationshipCount = 0;
        for (var order = 0; order < files.Count; order++)
        {
            if (files[order].Entry is not { } entry)
            {
                continue;
            }

            var file = order;
            var noteErrors = new NoteErrorSink(entry.File, error => errors.Add((file, error)));
            var note = (await ParseAsync(entry.File, NoteErrorSink.Discard(entry.File), cancellationToken))!;
            var stored = await existing.FindByIdAsync(entry.Id, cancellationToken);
            var entity = await new NoteEntityBuilder(note, noteErrors, notes, skipped).BuildAsync(entry, stored, cancellationToken);
            var records = await relationships.ReadAsync(note, entry, noteErrors, cancellationToken);
            if (errors.Count > 0)
            {
                continue; // nothing will be kept: stop handing rows over, keep finding errors
            }

            sink.OnEntity(entity!);
            entities++;
            foreach (var record in records)
            {
                sink.OnRelationship(record);
                relationshipCount++;
            }
        }

        if (errors.Count > 0)
        {
            throw new DatasetValidationException(Listed(errors));
        }

        return new DatasetHeader(Name, $"Markdown notes: {files.Count} note{(files.Count == 1 ? string.Empty : "s")}", entities, relationshipCount)
        {
            Skipped = skipped,
        };
    }

    private static async Task<ParsedNote?> ParseAsync(string path, NoteErrorSink errors, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            errors.Add(NoteErrorSink.TextPath, 1, 1, "no such note file or folder");
            return null;
        }

        return NoteParser.Parse(path, bytes, errors);
    }

    // In file order, then line and column; past the limit, one last error says how many more there were.
    private List<DatasetError> Listed(List<(int File, DatasetError Error)> errors)
    {
        var sorted = errors.OrderBy(error => error.File).ThenBy(error => error.Error.Line ?? 0).ThenBy(error => error.Error.Column ?? 0)
            .Select(error => error.Error).ToList();
        if (sorted.Count <= DatasetReader.ErrorLimit)
        {
            return sorted;
        }

        var notListed = sorted.Count - DatasetReader.ErrorLimit;
        return
        [
            .. sorted.Take(DatasetReader.ErrorLimit),
            new DatasetError(Name, "notes", null, null, $"{notListed:N0} more error{(notListed == 1 ? " was" : "s were")} found and not listed: the reader lists the first {DatasetReader.ErrorLimit:N0}"),
        ];
    }
}
