using System.Globalization;
using System.Text.RegularExpressions;
using ChatAssistant.Knowledge.Safety;

namespace ChatAssistant.Knowledge.Eval;

/// <summary>
/// <c>crisis eval FILE</c>: recall per category (a crisis answered as a crisis; and caught at all, crisis or gentle
/// check), false alarms on benign messages (with and without a crisis word), gentle checks, and every miss and false
/// alarm of the chosen half. <c>--calibrate</c> sets the model thresholds from the development half only.
/// </summary>
internal static partial class CrisisEvalCommand
{
    public static int Run(string file, string directory, string split, bool calibrate, TextWriter output, IReadOnlyList<string>? calibrateAlso = null)
    {
        var set = CrisisMessageSet.Load(file);
        var classifier = CrisisClassifier.Load(directory);
        if (calibrate)
        {
            // 242 benign messages make 1 % two messages: sets already reported once widen the pool the thresholds are read from.
            var pool = set.Dev().Messages.Concat((calibrateAlso ?? []).SelectMany(f => CrisisMessageSet.Load(f).Messages)).ToList();
            var thresholds = Calibrate(classifier, new CrisisMessageSet(pool), output);
            output.WriteLine($"Calibrating on {pool.Count(m => m.Category is null && !m.Distress)} benign and {pool.Count(m => m.Category is not null)} crisis messages");
            var lexiconPath = Path.Combine(directory, CrisisLexiconLoader.FileName);
            var text = File.ReadAllText(lexiconPath);
            File.WriteAllText(lexiconPath, ThresholdLine().Replace(text,
                string.Create(CultureInfo.InvariantCulture, $"model_thresholds: {{crisis: {thresholds.Crisis:0.00}, check: {thresholds.Check:0.00}}}"), 1));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Calibrated: crisis {thresholds.Crisis:0.00}, check {thresholds.Check:0.00} (written to {lexiconPath})"));
            classifier = CrisisClassifier.Load(directory);
        }

        var halves = split switch
        {
            "dev" => [("development half", set.Dev())],
            "test" => [("held-out half", set.HeldOut())],
            _ => new List<(string, CrisisMessageSet)> { ("held-out half", set.HeldOut()), ("development half", set.Dev()), ("all", set) },
        };
        foreach (var (name, half) in halves) Report(output, name, classifier, half, verbose: split != "all" || name == "held-out half");
        return 0;
    }

    private static void Report(TextWriter output, string name, CrisisClassifier classifier, CrisisMessageSet set, bool verbose)
    {
        var results = set.Messages.Select(m => (Message: m, Result: classifier.Assess(m.Text))).ToList();
        var crisis = results.Where(r => r.Message.Category is not null).ToList();
        var benign = results.Where(r => r.Message.Category is null && !r.Message.Distress).ToList();
        var distress = results.Where(r => r.Message.Distress).ToList();
        output.WriteLine();
        output.WriteLine($"## {name}: {crisis.Count} crisis, {benign.Count} benign, {distress.Count} distress messages");
        output.WriteLine();
        output.WriteLine("| category | messages | answered as crisis | caught (crisis or gentle check) | right category |");
        output.WriteLine("| --- | --- | --- | --- | --- |");
        foreach (var group in crisis.GroupBy(r => r.Message.Category!.Value).OrderBy(g => g.Key))
            output.WriteLine(Row(group.Key.ToString().ToLowerInvariant(), group.ToList()));
        output.WriteLine(Row("**all**", crisis));
        output.WriteLine();
        var alarms = benign.Count(r => r.Result.IsCrisis);
        var traps = benign.Where(r => r.Message.Trap).ToList();
        var plain = benign.Where(r => !r.Message.Trap).ToList();
        output.WriteLine($"False alarms (benign answered as crisis): {Pct(alarms, benign.Count)} ({alarms}/{benign.Count}); " +
            $"with a crisis word {Pct(traps.Count(r => r.Result.IsCrisis), traps.Count)}, without {Pct(plain.Count(r => r.Result.IsCrisis), plain.Count)}");
        output.WriteLine($"Gentle checks on benign messages: {Pct(benign.Count(r => r.Result.Level == CrisisLevel.Check), benign.Count)}");
        if (distress.Count > 0)
            output.WriteLine($"Distress messages given a gentle check: {Pct(distress.Count(r => r.Result.Level == CrisisLevel.Check), distress.Count)}, " +
                $"answered as crisis: {Pct(distress.Count(r => r.Result.IsCrisis), distress.Count)}");
        output.WriteLine();
        output.WriteLine("| register | crisis messages | answered as crisis | benign | false alarms |");
        output.WriteLine("| --- | --- | --- | --- | --- |");
        foreach (var register in results.Select(r => r.Message.Register).Where(r => r.Length > 0).Distinct().Order(StringComparer.Ordinal))
        {
            var c = crisis.Where(r => r.Message.Register == register).ToList();
            var b = benign.Where(r => r.Message.Register == register).ToList();
            output.WriteLine($"| {register} | {c.Count} | {Pct(c.Count(r => r.Result.IsCrisis), c.Count)} | {b.Count} | {Pct(b.Count(r => r.Result.IsCrisis), b.Count)} |");
        }
        if (!verbose) return;
        output.WriteLine();
        output.WriteLine("Crisis messages not answered as crisis:");
        foreach (var (m, r) in crisis.Where(r => !r.Result.IsCrisis))
            output.WriteLine($"  [{m.Category!.Value.ToString().ToLowerInvariant()}/{m.Register}] {m.Text} → {r.Level} {r.Signal} (model {r.ModelScore:0.00})");
        output.WriteLine("False alarms:");
        foreach (var (m, r) in benign.Where(r => r.Result.IsCrisis))
            output.WriteLine($"  [{m.Register}{(m.Trap ? ", trap" : "")}] {m.Text} → {r.Category} {r.Signal}");
    }

    // The model's own false alarms (benign messages no crisis entry matched), as a share of the calibration pool's
    // benign messages. History (2026-12-04): 2 % of all alarms on the development half alone (242 benign messages)
    // came out at 3.7–5.0 % on unseen messages, 1 % at 3.8 % on a third fresh set — two or three messages decided the
    // threshold. Then a pool five times larger (the development half with the first two fresh sets, --calibrate-also)
    // and 2 % of all alarms: fresh sets 3 and 4 came to 2.8 % at first, and to 3.0 % and 3.3 % once a lexicon fix had
    // removed two alarms and the model was handed them back by the lower threshold that followed. So the budget is the
    // model's alone: a lexicon fix lowers the false alarms instead of being spent on the model, and 1 % of the pool
    // (about 12 messages) plus the lexicon's few leaves a point of margin under the 3 % target.
    internal const double DevFalseAlarms = 0.01;

    // 10 % let the model's weakest signals through (check 0.05 after training part 7): 「写信给我」 typed at a help
    // request's list got 「你还好吗？」 instead of the list again. 7 % keeps dev recall with the check at 99.2 %.
    internal const double DevGentleChecks = 0.07;

    /// <summary>
    /// The crisis threshold is the lowest that keeps the model's own false alarms (where no crisis entry matched) at or
    /// below <see cref="DevFalseAlarms"/> of the benign messages (a margin under the 3 % target); the check threshold the lowest that keeps gentle
    /// checks on benign messages at or below <see cref="DevGentleChecks"/>.
    /// </summary>
    internal static CrisisThresholds Calibrate(CrisisClassifier classifier, CrisisMessageSet dev, TextWriter? curve = null)
    {
        var lexicon = classifier.Lexicon;
        var model = classifier.Model ?? throw new InvalidOperationException("No model to calibrate: run 'crisis train' first.");
        var scored = dev.Messages.Select(m =>
        {
            var masked = lexicon.MaskEveryday(SafetyText.Compact(m.Text));
            var hit = lexicon.Match(masked);
            return (m, Hit: hit?.Level ?? CrisisLevel.None, Score: masked.Length == 0 ? 0f : model.Score(masked).Crisis);
        }).ToList();
        var benign = scored.Where(s => s.m.Category is null && !s.m.Distress).ToList();
        var crises = scored.Where(s => s.m.Category is not null).ToList();
        if (curve is not null)
        {
            curve.WriteLine($"Lexicon alone: {benign.Count(s => s.Hit == CrisisLevel.Crisis)} of {benign.Count} benign, {crises.Count(s => s.Hit == CrisisLevel.Crisis)} of {crises.Count} crisis");
            for (var t = 0.30f; t <= 0.99f; t += 0.05f)
                curve.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  crisis threshold {t:0.00}: false alarms {benign.Count(s => s.Hit == CrisisLevel.Crisis || s.Score >= t)}, crises answered {crises.Count(s => s.Hit == CrisisLevel.Crisis || s.Score >= t)}"));
        }
        float crisis = 0.99f;
        for (var t = 0.30f; t <= 0.99f; t += 0.01f)
        {
            var modelAlarms = benign.Count(s => s.Hit != CrisisLevel.Crisis && s.Score >= t);
            if (modelAlarms <= DevFalseAlarms * benign.Count) { crisis = t; break; }
        }
        float check = crisis;
        for (var t = 0.05f; t < crisis; t += 0.01f)
        {
            var checks = benign.Count(s => s.Hit != CrisisLevel.Crisis && s.Score < crisis && (s.Hit == CrisisLevel.Check || s.Score >= t));
            if (checks <= DevGentleChecks * benign.Count) { check = t; break; }
        }
        return new CrisisThresholds(MathF.Round(crisis, 2), MathF.Round(check, 2));
    }

    private static string Row(string name, IReadOnlyList<(CrisisMessage Message, CrisisAssessment Result)> rows) =>
        $"| {name} | {rows.Count} | {Pct(rows.Count(r => r.Result.IsCrisis), rows.Count)} | {Pct(rows.Count(r => r.Result.Level != CrisisLevel.None), rows.Count)} | " +
        $"{Pct(rows.Count(r => r.Result.IsCrisis && r.Result.Category == r.Message.Category), rows.Count(r => r.Result.IsCrisis))} |";

    private static string Pct(int n, int of) => of == 0 ? "–" : (100.0 * n / of).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    [GeneratedRegex(@"model_thresholds:\s*\{[^}]*\}")]
    private static partial Regex ThresholdLine();
}
