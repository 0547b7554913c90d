using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatAssistant.Conversation;
using ChatAssistant.Disputes;
using ChatAssistant.Escalation;
using ChatAssistant.Safety;
using ChatAssistant.Tests.Support.WeChat;
using LiteDB;

namespace ChatAssistant.Tests.Safety;

/// <summary>
/// Issue #30 blockers 1 and 2 and the hotline minor over the WeChat endpoint: a crisis case is closed only by staff (the
/// young person may go back to the bot; the case stays open, urgent and shown as Crisis in the staff API until a member
/// resolves it with a note); the assistant's own option 「2. 打我的手机」 and everyday ways of saying it raise no alarm
/// and the request is filed; and the safety message is never said word for word on two turns in a row.
/// </summary>
public sealed class CrisisCaseOverWeChatTests(FastTypingAssistant assistant) : IClassFixture<FastTypingAssistant>
{
    [Theory]
    [InlineData("oCaseA", "我不想活了", "结束人工")]
    [InlineData("oCaseB", "我真的撑不下去了，今晚想从宿舍楼顶下去", "結束人工")]
    [InlineData("oCaseC", "放学后那几个人说要弄死我", "退出人工")]
    public async Task A_crisis_in_a_hand_off_stays_open_and_urgent_when_the_young_person_leaves_until_staff_close_it_with_a_note(string openId, string crisis, string leave)
    {
        var chat = assistant.User(openId);
        await chat.SayAsync("你好");
        Assert.Contains("已为你转接人工服务", await chat.SayAsync("转人工"));
        Assert.Equal(EscalationReason.UserAsked, assistant.Escalation(openId).Reason);
        Assert.StartsWith(SafetyTexts.CrisisReply, await chat.SayAsync(crisis));

        // Before the fix 「结束人工」 resolved the urgent case, never claimed or answered, and it left the queue.
        Assert.Equal(EscalationTexts.LeftUrgent, await chat.SayAsync(leave));
        var record = assistant.Escalation(openId);
        Assert.Equal((EscalationStatus.Waiting, true, EscalationReason.Crisis), (record.Status, record.Urgent, record.Reason));
        Assert.Null(record.ResolvedBy);
        // The young person is back with the bot.
        Assert.StartsWith(ConversationTexts.MenuHeading, await chat.SayAsync("菜单"));

        // Staff see it open, urgent and as a crisis, and close it only with a note.
        using var staff = assistant.Staff("crisis-" + openId, null);
        var item = (await WeChatAssistant.JsonAsync(staff, "/api/staff/escalations")).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("id").GetString() == record.Id.ToString());
        Assert.Equal(("Crisis", true, "Waiting"), (item.GetProperty("reason").GetString(), item.GetProperty("urgent").GetBoolean(), item.GetProperty("status").GetString()));
        var path = $"/api/staff/escalations/{record.Id}/resolve";
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsync(path, null)).StatusCode);
        Assert.NotEqual(EscalationStatus.Resolved, assistant.Escalation(openId).Status);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync(path, new { text = "已电话联系，本人安全" })).StatusCode);
        Assert.Equal(EscalationStatus.Resolved, assistant.Escalation(openId).Status);
    }

    [Theory]
    [InlineData("oOwnWordsA", "2. 打我的手机")]
    [InlineData("oOwnWordsB", "打我电话吧")]
    [InlineData("oOwnWordsC", "有事打我手机")]
    public async Task The_phone_option_typed_back_in_our_words_or_everyday_ones_is_an_answer_and_the_request_is_filed(string openId, string phone)
    {
        var chat = assistant.User(openId);
        await chat.SayAsync("你好");
        Assert.Contains(DisputeTexts.Intro, await chat.SayAsync("求助"));
        Assert.Contains(DisputeTexts.AskAge, await chat.SayAsync("是"));
        Assert.Contains(DisputeTexts.AskCounty, await chat.SayAsync("14到18岁"));
        Assert.Contains(DisputeTexts.AskCategory, await chat.SayAsync("天台"));
        Assert.Contains(DisputeTexts.AskDescription, await chat.SayAsync("心理疏导"));
        Assert.Contains(DisputeTexts.AskContactMethod, await chat.SayAsync("最近和室友关系很紧张，晚上总睡不好，想找人聊聊。"));

        // Before the fix: the 110/120 text, an urgent hand-off, then no reply to the next answers.
        var answer = await chat.SayAsync(phone);
        Assert.Contains(DisputeTexts.AskPhone, answer);
        Assert.DoesNotContain(SafetyTexts.CrisisReply, answer);
        Assert.Contains(DisputeTexts.AskIdentity, await chat.SayAsync("13800138000"));
        Assert.Contains("请确认你的求助", await chat.SayAsync("1"));
        Assert.Contains("已提交", await chat.SayAsync("是"));
        Assert.DoesNotContain(assistant.Get<ChatAssistant.Escalation.EscalationStore>().All(), e => e.UserId == openId);
    }

    [Fact]
    public async Task An_option_the_model_alone_took_for_distress_is_an_answer_at_its_list()
    {
        var chat = assistant.User("oOwnWordsD");
        await chat.SayAsync("你好");
        await chat.SayAsync("求助");
        await chat.SayAsync("是");
        Assert.Contains(DisputeTexts.AskCounty, await chat.SayAsync("14到18岁"));
        // Before the fix: 「你还好吗？…」 and the county asked again (the 其他地区 option's own words, read as distress).
        var answer = await chat.SayAsync("以上都不是");
        Assert.Contains(DisputeTexts.AskCategory, answer);
        Assert.DoesNotContain(SafetyTexts.GentleCheck, answer);
    }

    [Theory]
    [InlineData("oOwnWordsE", "别的地方")]
    [InlineData("oOwnWordsF", "其他地方")]
    [InlineData("oOwnWordsG", "其它地方")]
    public async Task A_word_that_picks_an_option_is_taken_by_the_list_before_any_gentle_check(string user, string words)
    {
        // The model may read such words as mild distress; the list takes its answer first, whatever the verdict.
        var chat = assistant.User(user);
        await chat.SayAsync("你好");
        await chat.SayAsync("求助");
        await chat.SayAsync("是");
        Assert.Contains(DisputeTexts.AskCounty, await chat.SayAsync("14到18岁"));
        var answer = await chat.SayAsync(words);
        Assert.Contains(DisputeTexts.AskCategory, answer);
        Assert.DoesNotContain("你还好吗", answer);
    }

    [Fact]
    public async Task Distress_that_answers_nothing_a_list_asked_gets_the_gentle_check_and_the_way_back()
    {
        var chat = assistant.User("oListDistress");
        await chat.SayAsync("你好");
        await chat.SayAsync("求助");
        await chat.SayAsync("是");
        Assert.Contains(DisputeTexts.AskCounty, await chat.SayAsync("14到18岁"));
        var answer = await chat.SayAsync("最近压力好大，每天都睡不着，好难受");
        Assert.Contains("12355", answer);
        Assert.Contains(SafetyTexts.ResumeHint(DisputeTexts.FlowTitle), answer);
        Assert.DoesNotContain(SafetyTexts.CrisisReply, answer);
        // The list is still there: the county answered next is taken.
        Assert.Contains(DisputeTexts.AskCategory, await chat.SayAsync("天台"));
    }

    [Fact]
    public async Task The_safety_message_is_never_said_word_for_word_on_two_turns_in_a_row()
    {
        var chat = assistant.User("oRepeat");
        await chat.SayAsync("你好");
        var answers = new List<string>();
        foreach (var message in new[] { "我想死", "活着真的没意思", "我不想活了", "我想死" })
            answers.Add(await chat.SayAsync(message));

        Assert.StartsWith(SafetyTexts.CrisisReply, answers[0]);
        // Before the fix the third and fourth answers repeated the second word for word.
        Assert.Equal([SafetyTexts.CrisisAgain, SafetyTexts.CrisisStill, SafetyTexts.CrisisAgain], answers.Skip(1));
        for (var i = 1; i < answers.Count; i++)
        {
            Assert.NotEqual(answers[i - 1], answers[i]);
            Assert.Contains("12355", answers[i]);
        }

        // After another answer in between, the full message again.
        Assert.StartsWith(ConversationTexts.MenuHeading, await chat.SayAsync("菜单"));
        Assert.StartsWith(SafetyTexts.CrisisReply, await chat.SayAsync("不想活了"));
    }

    [Fact]
    public async Task Gentle_checks_in_a_row_are_worded_differently_each_time()
    {
        var chat = assistant.User("oSad");
        await chat.SayAsync("你好");
        var answers = new List<string>();
        foreach (var message in new[] { "今天好难过啊", "好孤独", "今天好难过啊" })
            answers.Add(await chat.SayAsync(message));
        Assert.Equal([SafetyTexts.GentleCheck, SafetyTexts.GentleCheckAgain, SafetyTexts.GentleCheckStill], answers);
    }
}
