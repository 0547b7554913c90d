namespace ChatAssistant.Tests.Operations;

/// <summary>
/// The assistant's meter and activity source are one per process: a test that counts what <c>/metrics</c> shows, or
/// collects a trace, runs alone, after the parallel tests, so no other server's messages are counted with its own.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "telemetry (alone)";
}
