namespace ChatAssistant.Operations;

/// <summary>Answers by kind; the shares are of the questions the guide took (answered, clarified, not sure).</summary>
public sealed record AnswerCounts(long Answered, long Clarified, long NotSure, long SmallTalk, long Flow);
