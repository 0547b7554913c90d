using YamlDotNet.RepresentationModel;

namespace ChatAssistant.Knowledge.Content;

/// <summary>Reads typed fields out of one YAML mapping, recording an error (with line) for each problem.</summary>
internal sealed class YamlFields
{
    private readonly YamlMappingNode _node;
    private readonly string _file;
    private readonly List<GuideContentError> _errors;

    public YamlFields(YamlMappingNode node, string file, List<GuideContentError> errors, IReadOnlySet<string> allowedKeys)
    {
        _node = node;
        _file = file;
        _errors = errors;
        EntryId = ScalarOrNull("id");
        foreach (var key in node.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "?";
            if (!allowedKeys.Contains(name))
            {
                Error(key, $"unknown key '{name}' (allowed: {string.Join(", ", allowedKeys)})");
            }
        }
    }

    /// <summary>The mapping's id, when it has a scalar one; used to name the entry in errors.</summary>
    public string? EntryId { get; }

    public string RequiredString(string key)
    {
        if (!_node.Children.TryGetValue(key, out var value))
        {
            Error(_node, $"missing '{key}'");
            return "";
        }

        if (value is not YamlScalarNode scalar || string.IsNullOrWhiteSpace(scalar.Value))
        {
            Error(value, $"'{key}' must be non-empty text");
            return "";
        }

        return scalar.Value.Trim();
    }

    public IReadOnlyList<string> RequiredList(string key, int minimum)
    {
        if (!_node.Children.TryGetValue(key, out var value))
        {
            Error(_node, $"missing '{key}'");
            return [];
        }

        if (value is not YamlSequenceNode sequence)
        {
            Error(value, $"'{key}' must be a list");
            return [];
        }

        var items = new List<string>();
        foreach (var item in sequence.Children)
        {
            if (item is YamlScalarNode { Value: { } text } && !string.IsNullOrWhiteSpace(text))
            {
                items.Add(text.Trim());
            }
            else
            {
                Error(item, $"every item of '{key}' must be non-empty text");
            }
        }

        if (items.Count < minimum)
        {
            Error(value, $"'{key}' needs at least {minimum} item(s), has {items.Count}");
        }

        return items;
    }

    public void Error(YamlNode at, string message) =>
        _errors.Add(new GuideContentError(_file, EntryId, at.Start.Line, message));

    private string? ScalarOrNull(string key) =>
        _node.Children.TryGetValue(key, out var value) && value is YamlScalarNode { Value: { Length: > 0 } id } ? id : null;
}
