using QeV.Worker.Import;

namespace QeV.Worker.Demo;

/// <summary>A realistic, deterministic demo data set with dates relative to a given day.</summary>
public static class DemoDataGenerator
{
    public static IReadOnlyList<ImportTable> Generate(int seed, DateOnly today, int caseCount = 300) =>
        throw new NotImplementedException($"{seed} {today} {caseCount}");
}
