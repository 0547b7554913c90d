namespace ChatAssistant.Hosting;

public static class Cli
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(0);
}
