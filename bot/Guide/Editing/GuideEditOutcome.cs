namespace ChatAssistant.Guide.Editing;

/// <summary>What an edit of the guide came to: done (with the revision), refused with reasons, not found, or overtaken.</summary>
public sealed record GuideEditOutcome(GuideEditOutcomeKind Kind, GuideRevision? Revision, IReadOnlyList<string> Problems)
{
    public static GuideEditOutcome Done(GuideRevision revision) => new(GuideEditOutcomeKind.Done, revision, []);

    public static GuideEditOutcome Invalid(IReadOnlyList<string> problems) => new(GuideEditOutcomeKind.Invalid, null, problems);

    public static GuideEditOutcome Invalid(string problem) => Invalid([problem]);

    public static GuideEditOutcome NotFound(string problem) => new(GuideEditOutcomeKind.NotFound, null, [problem]);

    public static GuideEditOutcome Conflict(string problem) => new(GuideEditOutcomeKind.Conflict, null, [problem]);

    /// <summary>As an HTTP answer: 200 with the revision, else 400/404/409 with the reasons (Chinese, for the console).</summary>
    public IResult ToResult() => Kind switch
    {
        GuideEditOutcomeKind.Done => Results.Ok(Revision),
        GuideEditOutcomeKind.NotFound => Results.NotFound(Error()),
        GuideEditOutcomeKind.Conflict => Results.Conflict(Error()),
        _ => Results.BadRequest(Error()),
    };

    private object Error() => new { error = string.Join(' ', Problems), problems = Problems };
}
