using QeV.Worker.Diagnostics;

namespace QeV.Worker.Scan;

/// <summary>
/// Where one scan's time goes (read, fingerprint, evaluate, deadline writes, table read, plan, ledger): the `scan`
/// command prints it, the benchmarks read it. Reset at the start of every refresh; one scan at a time per process.
/// </summary>
public sealed class ScanPhases : PhaseTimes;
