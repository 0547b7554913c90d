using System.Reflection;
using ChatAssistant.Booking;
using ChatAssistant.Conversation;
using ChatAssistant.Conversation.Flows;
using ChatAssistant.Conversation.Routing;
using ChatAssistant.Conversation.Time;
using ChatAssistant.Disputes;
using ChatAssistant.Hours;
using ChatAssistant.Knowledge;
using ChatAssistant.Knowledge.Safety;
using ChatAssistant.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAssistant.Tests.Safety;

/// <summary>
/// Beyond the fixed texts (<see cref="AssistantOwnWordsTests"/>): every option a list shows as the running assistant
/// builds it — the main menu and the words that start each entry, the help request's lists with the synonyms that
/// pick an option, the counties from configuration, the guide's topics, the 爱心超市 catalogue, duty slots — is read
/// as no crisis by the crisis check, so a user who types one back (or a word that picks it) never raises the alarm.
/// A gentle-check verdict on one is harmless: a list takes its answer before the gentle check is said
/// (<c>CrisisCaseOverWeChatTests.An_option_the_model_alone_took_for_distress_is_an_answer_at_its_list</c>).
/// </summary>
public sealed class AssistantOptionsTests
{
    [Fact]
    public async Task Every_option_a_list_shows_and_every_word_that_picks_one_is_calm()
    {
        await using var bot = BotHarness.Create();
        var words = new List<(string Where, string Text)>();

        var router = bot.Get<IntentRouter>();
        words.AddRange(router.Menu.Select(i => ("menu", i.MenuTitle!)));
        words.AddRange(bot.Services.GetServices<Intent>().SelectMany(i => i.Keywords.Select(k => ($"keyword of {i.Id}", k))));

        // The help request's lists (and any other fixed list of choices), each label with the synonyms that pick it.
        foreach (var property in typeof(ChatBot).Assembly.GetTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Static))
            .Where(p => typeof(IEnumerable<Choice>).IsAssignableFrom(p.PropertyType)))
            foreach (var choice in (IEnumerable<Choice>)property.GetValue(null)!)
                words.AddRange(new[] { choice.Label }.Concat(choice.Synonyms).Select(w => ($"{property.DeclaringType!.Name}.{property.Name}", w)));

        words.AddRange(bot.Get<CountyDirectory>().Options.SelectMany(o => new[] { o.Label }.Concat(o.ShortNames)).Select(w => ("county", w)));
        words.AddRange(bot.Get<KnowledgeBase>().Entries.Select(e => ("guide topic", e.Title)));
        words.AddRange(bot.Get<CatalogueProvider>().Current.Items.Select(i => ("catalogue", i.Name)));
        var clock = bot.Get<AssistantClock>();
        words.AddRange(bot.Get<BookingService>().NextFree(9).Select(s => ("slot", BookingTexts.Label(clock, s))));

        // Every kind of list is here (a kind that came out empty would check nothing).
        foreach (var kind in new[] { "menu", "county", "guide topic", "catalogue", "slot", "DisputeChoices.ContactMethods" })
            Assert.Contains(words, w => w.Where == kind);
        Assert.Contains(words, w => w.Text == DisputeTexts.ContactPhone);

        var alarming = words
            .Select(w => (w.Where, w.Text, Result: CrisisFiles.Classifier.Assess(w.Text)))
            .Where(w => w.Result.Level == CrisisLevel.Crisis)
            .Select(w => $"{w.Where}: 「{w.Text}」 → {w.Result.Level} {w.Result.Signal}")
            .ToList();
        Assert.True(alarming.Count == 0, string.Join('\n', alarming));
    }
}
