namespace ChatAssistant.Knowledge;

/// <summary>Knowledge tool entry point (evaluation and validation commands).</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("usage: dotnet run --project knowledge -- eval FILE");
        return args.Length == 0 ? 1 : 0;
    }
}
