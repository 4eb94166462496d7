using System.Reflection;
using QeV.Demo;
using QeV.Domain.Facts;
using QeV.Worker.Cli;

namespace QeV.Worker.Tests.Architecture;

/// <summary>
/// The direction of the flow, checked on the compiled code (issue 13): no two namespaces use each other, and inside
/// the domain each folder uses only those before it.
/// </summary>
public sealed class NamespaceCycleTests
{
    private static readonly Assembly Domain = typeof(FactSet).Assembly;
    private static readonly Assembly Worker = typeof(CliApp).Assembly;
    private static readonly Assembly DemoAssembly = typeof(DemoDataGenerator).Assembly;

    /// <summary>Tiers of the domain: a folder may use the folders of earlier tiers only.</summary>
    private static readonly string[][] DomainTiers =
    [
        ["QeV.Domain.Facts", "QeV.Domain.Calendar"],
        ["QeV.Domain.Tables", "QeV.Domain.Facts.Partitions"],
        ["QeV.Domain.Periods"],
        ["QeV.Domain.Profiles"],
        ["QeV.Domain.Rules"],
        ["QeV.Domain.Planning", "QeV.Domain.Partitions"],
    ];

    [Fact]
    public void Cycles_DomainWorkerAndDemo_None()
    {
        // Given
        var graph = NamespaceGraph.Of("QeV.", Domain, Worker, DemoAssembly);

        // When
        var cycles = graph.Cycles();

        // Then
        cycles.Select(graph.Describe).ShouldBeEmpty();
    }

    [Fact]
    public void Edges_DomainFolders_UseOnlyEarlierTiers()
    {
        // Given
        var graph = NamespaceGraph.Of("QeV.", Domain);
        var tierOf = DomainTiers.SelectMany((names, tier) => names.Select(n => (n, tier))).ToDictionary(x => x.n, x => x.tier);

        // When
        var wrong = graph.Edges
            .SelectMany(from => from.Value.Select(to => (From: from.Key, To: to.Key, Example: to.Value)))
            .Where(e => !tierOf.ContainsKey(e.From) || !tierOf.ContainsKey(e.To) || tierOf[e.To] >= tierOf[e.From])
            .Select(e => $"{e.From} -> {e.To} ({e.Example})")
            .ToList();

        // Then
        graph.Edges.Keys.Order().ShouldBe(tierOf.Keys.Order());
        wrong.ShouldBeEmpty();
    }

    [Fact]
    public void References_Domain_OnlyTheBaseClassLibrary()
    {
        // When
        var references = Domain.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        // Then
        references.ShouldNotBeEmpty();
        references.Where(n => !(n == "netstandard" || n.StartsWith("System", StringComparison.Ordinal))).ShouldBeEmpty();
    }

    [Fact]
    public void Cycles_TwoNamespacesUsingEachOther_Found()
    {
        // Given
        var graph = NamespaceGraph.From(("A", "B"), ("B", "C"), ("C", "A"), ("D", "A"), ("E", "E"));

        // When
        var cycles = graph.Cycles();

        // Then
        cycles.ShouldHaveSingleItem().ShouldBe(["A", "B", "C"]);
    }

    [Fact]
    public void Of_WorkerAssembly_SeesUsesInsideMethodBodies()
    {
        // Given: the run command calls the notification cycle and the demo registration only inside lambdas
        var graph = NamespaceGraph.Of("QeV.", Worker);

        // Then
        graph.Edges["QeV.Worker.Cli"].Keys.ShouldContain("QeV.Worker.Notifications");
        graph.Edges["QeV.Worker.Cli"].Keys.ShouldContain("QeV.Worker.Demo");
    }
}
