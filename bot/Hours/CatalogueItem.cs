namespace ChatAssistant.Hours;

/// <summary>One thing the 爱心超市 exchanges for points.</summary>
public sealed record CatalogueItem(string Id, string Name, string Category, int Points, string? Note);
