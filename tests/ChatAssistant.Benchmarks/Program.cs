using BenchmarkDotNet.Running;

namespace ChatAssistant.Benchmarks;

/// <summary>Runs the benchmarks chosen on the command line (e.g. --filter '*Guide*' --job short).</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
