using System.Globalization;
using Spectre.Console;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Vocabulary;

namespace SupplyGraph.Cli.Output;

/// <summary>The questions' answers as terminal tables: the answer with its evidence (statuses, dates, sources).</summary>
internal static class AnswerTables
{
    public static void Write(IAnsiConsole console, SupplyChainAnswer answer)
    {
        console.MarkupLine($"[bold]Supply chain of {Name(answer.Focus)}[/] as of {Day(answer.AsOf)}");
        var stages = new Table().AddColumns("Stage", "Entities");
        foreach (var group in answer.Stages)
        {
            stages.AddRow(Markup.Escape(group.Stage.ToString()), Markup.Escape(string.Join(", ", group.Entities.Select(entity => entity.Name))));
        }

        console.Write(stages);
        console.Write(Relationships(answer.Relationships));
        WriteExploration(console, answer.Explored);
    }

    public static void Write(IAnsiConsole console, ExportControlsAnswer answer)
    {
        console.MarkupLine($"[bold]Export controls touching {Name(answer.Entity)}[/] as of {Day(answer.AsOf)}: {answer.Hits.Count} regulation(s)");
        var table = new Table().AddColumns("Regulation", "Effective", "Rescinded", "Paths", "Shortest path");
        foreach (var hit in answer.Hits)
        {
            table.AddRow(
                Markup.Escape($"{hit.Regulation.Name} ({hit.Regulation.Id})"),
                Day(hit.Regulation.Effective),
                hit.Regulation.Rescinded is { } rescinded ? Day(rescinded) : "",
                hit.Paths.Count.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(hit.Paths.Count > 0 ? hit.Paths[0].Summary : ""));
        }

        console.Write(table);
        WriteExploration(console, answer.Explored);
    }

    public static void Write(IAnsiConsole console, ExposureAnswer answer)
    {
        console.MarkupLine(
            $"[bold]Exposure to {Name(answer.Regulation)}[/] as of {Day(answer.AsOf)} ({(answer.InForce ? "in force" : "not in force")}): {answer.Exposed.Count} entit{(answer.Exposed.Count == 1 ? "y" : "ies")}");
        var table = new Table().AddColumns("Entity", "Kind", "Paths", "Shortest path");
        foreach (var exposed in answer.Exposed)
        {
            table.AddRow(
                Markup.Escape($"{exposed.Entity.Name} ({exposed.Entity.Id})"),
                exposed.Entity.Kind.ToString(),
                exposed.Paths.Count.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(exposed.Paths.Count > 0 ? exposed.Paths[0].Summary : ""));
        }

        console.Write(table);
        WriteExploration(console, answer.Explored);
    }

    public static void Write(IAnsiConsole console, PathAnswer answer)
    {
        console.MarkupLine($"[bold]Paths from {Name(answer.From)} to {Name(answer.To)}[/] as of {Day(answer.AsOf)}: {answer.Paths.Count}");
        var table = new Table().AddColumns("#", "Length", "Path", "Statuses", "Sources");
        var number = 0;
        foreach (var path in answer.Paths)
        {
            table.AddRow(
                (++number).ToString(CultureInfo.InvariantCulture),
                path.Length.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(path.Summary),
                Markup.Escape(string.Join(", ", path.Relationships.Select(relationship => WireNames.ToWire(relationship.Record.Status)))),
                Markup.Escape(string.Join("; ", path.Relationships.SelectMany(relationship => relationship.Record.Sources).Select(source => source.Document).Distinct())));
        }

        console.Write(table);
        WriteExploration(console, answer.Explored);
    }

    private static Table Relationships(IReadOnlyList<Relationship> relationships)
    {
        var table = new Table().AddColumns("From", "Relationship", "To", "Status", "Valid", "Sources");
        foreach (var relationship in relationships)
        {
            var record = relationship.Record;
            table.AddRow(
                Markup.Escape(relationship.From.Name),
                record.Type.Name(),
                Markup.Escape(relationship.To.Name),
                WireNames.ToWire(record.Status),
                Valid(record),
                Markup.Escape(string.Join("; ", record.Sources.Select(source => source.Document).Distinct())));
        }

        return table;
    }

    private static void WriteExploration(IAnsiConsole console, Exploration explored)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"explored {explored.Relationships:N0} relationships, {explored.Entities:N0} entities, depth {explored.Depth}");
        console.MarkupLine(explored.Partial
            ? $"[yellow]partial answer: cut by {string.Join(", ", explored.CutBy)}[/] ({text})"
            : $"[grey]{text}[/]");
    }

    private static string Valid(RelationshipRecord record) => (record.ValidFrom, record.ValidTo) switch
    {
        (null, null) => "",
        ({ } from, null) => $"from {Day(from)}",
        (null, { } to) => $"until {Day(to)}",
        ({ } from, { } to) => $"{Day(from)} – {Day(to)}",
    };

    private static string Name(Entity entity) => Markup.Escape($"{entity.Name} ({entity.Id})");

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
