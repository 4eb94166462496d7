using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(QeV.Benchmarks.PartitionBenchmarks).Assembly).Run(args);
