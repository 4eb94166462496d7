using BenchmarkDotNet.Attributes;
using QeV.Domain.Calendar;
using QeV.Domain.Facts;
using QeV.Domain.Facts.Partitions;
using QeV.Domain.Partitions;
using QeV.Domain.Planning;
using QeV.Domain.Rules;

namespace QeV.Benchmarks;

/// <summary>The inner pieces of a scan: one rule over one partition, all case rules over a batch, the fingerprint, the planner.</summary>
[MemoryDiagnoser]
public class PartitionBenchmarks
{
    private readonly BusinessCalendar _calendar = new();
    private FactLookups _lookups = null!;
    private CasePartition _partition = null!;
    private IReadOnlyList<CasePartition> _batch = null!;
    private FactSet _one = null!;
    private FactSet _batchFacts = null!;
    private RuleContext _context = null!;
    private PartitionEvaluator _evaluator = null!;
    private DeadlineSnapshot _snapshot = null!;
    private NoticePlanner _planner = null!;

    [GlobalSetup]
    public void Setup()
    {
        _lookups = BenchmarkFacts.Lookups(500);
        _partition = BenchmarkFacts.Case(1);
        _batch = Enumerable.Range(1, 2_000).Select(BenchmarkFacts.Case).ToList();
        _one = PartitionEvaluator.CaseFacts(_lookups, [_partition]);
        _batchFacts = PartitionEvaluator.CaseFacts(_lookups, _batch);
        _context = new RuleContext(BenchmarkFacts.Today, _calendar, Bundesland.ST);
        _evaluator = new PartitionEvaluator(RuleCatalog.All);
        var deadlines = _evaluator.Evaluate(RuleScope.Case, _batchFacts, _context).Select(d => d.Deadline).ToList();
        _snapshot = new DeadlineSnapshot(_batchFacts, _context, deadlines);
        _planner = new NoticePlanner(new NotificationRulesOptions(), _calendar);
    }

    [Benchmark(Description = "F01 over one case partition")]
    public int F01OnePartition() => new F01EntwicklungsberichtRule().Evaluate(_one, _context).Count();

    [Benchmark(Description = "F06 over one case partition")]
    public int F06OnePartition() => new F06MissedAppointmentsRule().Evaluate(_one, _context).Count();

    [Benchmark(Description = "all case rules over a batch of 2,000 partitions (incl. FactSet)")]
    public int CaseRulesBatch() => _evaluator.Evaluate(RuleScope.Case, PartitionEvaluator.CaseFacts(_lookups, _batch), _context).Count;

    [Benchmark(Description = "fingerprint of one case partition")]
    public string Fingerprint() => PartitionFingerprint.Of(_partition);

    [Benchmark(Description = "planner over the deadlines of 2,000 cases")]
    public int Planner() => _planner.Plan(_snapshot, BenchmarkFacts.Today).Notices.Count;
}
