namespace ChatAssistant.Feedback;

/// <summary>The number a suggestion is known by ("F00012"), from its id and back.</summary>
public static class FeedbackNumber
{
    public static string Of(int id) => $"F{id:D5}";

    /// <summary>The id in "F00012" (or "12"), or null.</summary>
    public static int? Parse(string? number)
    {
        var text = (number ?? "").Trim();
        if (text.StartsWith('F') || text.StartsWith('f')) text = text[1..];
        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
    }
}
