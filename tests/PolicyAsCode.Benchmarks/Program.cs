using BenchmarkDotNet.Running;
using PolicyAsCode.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(DeclarationProject).Assembly).Run(args);
