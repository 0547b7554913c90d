namespace ChatAssistant.Knowledge.Safety;

/// <summary>One row the model reads (and, with a label, learns from).</summary>
public sealed class CrisisModelInput
{
    public string Text { get; set; } = "";

    public string Label { get; set; } = CrisisModel.NoneLabel;
}
