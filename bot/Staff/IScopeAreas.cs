namespace ChatAssistant.Staff;

/// <summary>The counties a scope name stands for when it is more than one county (a city's Official Account).</summary>
public interface IScopeAreas
{
    /// <summary>The counties below <paramref name="scopeName"/>, or null when it names one county or workshop.</summary>
    IReadOnlyCollection<string>? CountiesOf(string scopeName);
}
