namespace ChatAssistant.Tests.Support;

/// <summary>
/// A test class that owns what it opens (databases, record files, folders) and disposes them in reverse order: the
/// base of the store contract suites, whose providers open different things.
/// </summary>
public abstract class OwnsDisposables : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    /// <summary>Keeps <paramref name="disposable"/> until the test ends and returns it.</summary>
    protected T Own<T>(T disposable) where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    public void Dispose()
    {
        for (var i = _owned.Count - 1; i >= 0; i--) _owned[i].Dispose();
        GC.SuppressFinalize(this);
    }
}
