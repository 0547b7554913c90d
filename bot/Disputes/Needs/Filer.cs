namespace ChatAssistant.Disputes;

/// <summary>Who files a help request: the young person, or a parent (guardian) for their child.</summary>
public enum Filer
{
    Self,
    Parent,
}
