namespace ChatAssistant.Knowledge.Eval;

/// <summary>Counts from one evaluation run and the rates the targets are stated in.</summary>
internal sealed record EvalReport(
    int InScope,
    int Top1,
    int AnsweredRight,
    int AnsweredWrong,
    int ClarifyHit,
    int ClarifyMiss,
    int NotSure,
    int OutOfScope,
    int OutAnswered,
    int OutClarified)
{
    /// <summary>The first-ranked entry is the expected one.</summary>
    public double Top1Rate => Rate(Top1, InScope);

    public double AnsweredRightRate => Rate(AnsweredRight, InScope);

    /// <summary>Answered, but with the wrong entry, over in-scope questions.</summary>
    public double ConfidentWrongRate => Rate(AnsweredWrong, InScope);

    /// <summary>Out-of-scope questions not answered as if in scope (not-sure, small talk, or a clarifying question).</summary>
    public double RejectionRate => Rate(OutOfScope - OutAnswered, OutOfScope);

    /// <summary>Every wrong confident answer (in-scope wrong entry, or an out-of-scope question answered) over all questions.</summary>
    public double OverallConfidentWrongRate => Rate(AnsweredWrong + OutAnswered, InScope + OutOfScope);

    public double ClarifyHitRate => Rate(ClarifyHit, InScope);

    public double NotSureRate => Rate(NotSure, InScope);

    public bool MeetsTargets => Top1Rate >= 0.90 && RejectionRate >= 0.90 && ConfidentWrongRate <= 0.03;

    private static double Rate(int count, int total) => total == 0 ? 0 : (double)count / total;
}
