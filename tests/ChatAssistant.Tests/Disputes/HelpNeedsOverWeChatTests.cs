using ChatAssistant.Disputes;
using ChatAssistant.Guide;
using ChatAssistant.Tests.Support.WeChat;

namespace ChatAssistant.Tests.Disputes;

/// <summary>
/// Issue item 5 over the real WeChat endpoint: people who need the help request reach it in their own words — a child
/// who is bullied or left out, trouble at home, a dispute, wanting someone to talk to, rights — with a short
/// acknowledgement, then the offer and consent as before; a parent filing for their child is addressed as the parent
/// all the way. Questions about the service still get the guide's answer.
/// </summary>
public sealed class HelpNeedsOverWeChatTests(WeChatAssistant assistant) : IClassFixture<WeChatAssistant>
{
    private const string ConsentQuestion = "你同意我们按上述方式收集和使用这些信息吗？";

    [Theory]
    [InlineData("我被同学欺负了 怎么办", HelpNeedTexts.Bullying)]
    [InlineData("校园欺凌", HelpNeedTexts.Bullying)]
    [InlineData("同学给我起外号，还老是嘲笑我", HelpNeedTexts.Bullying)]
    [InlineData("班上同学都不理我", HelpNeedTexts.Excluded)]
    [InlineData("和爸妈吵架了，想找人说说", HelpNeedTexts.Family)]
    [InlineData("邻居装修太吵了想找人调解", HelpNeedTexts.Dispute)]
    [InlineData("网店卖家不给退钱怎么办", HelpNeedTexts.Dispute)]
    [InlineData("最近压力好大，想找人聊聊", HelpNeedTexts.Counselling)]
    [InlineData("暑假打工老板拖欠工资不给", HelpNeedTexts.Rights)]
    public async Task A_need_in_the_writers_own_words_gets_an_acknowledgement_and_the_help_request_with_consent_first(string message, string acknowledgement)
    {
        var user = assistant.User("oNeed" + Math.Abs(message.GetHashCode()));
        var reply = await user.SayAsync(message);

        Assert.DoesNotContain(GuideTexts.NotSure, reply);
        Assert.Contains(acknowledgement, reply);
        Assert.Contains(DisputeTexts.Intro, reply);
        Assert.Contains(ConsentQuestion, reply);
        Assert.True(reply.IndexOf(acknowledgement, StringComparison.Ordinal) < reply.IndexOf(DisputeTexts.Intro, StringComparison.Ordinal));
        // Consent as today: nothing is asked before it, and a 「是」 goes on to the questions.
        Assert.Contains(DisputeTexts.AskAge, await user.SayAsync("是"));
    }

    [Theory]
    [InlineData("最近压力好大，想找人聊聊", true)]
    [InlineData("我被同学欺负了 怎么办", true)]
    [InlineData("邻居装修太吵了想找人调解", false)]
    public async Task Distress_in_the_message_also_hears_the_hotline_with_the_acknowledgement(string message, bool distress)
    {
        var reply = await assistant.User("oHotline" + Math.Abs(message.GetHashCode())).SayAsync(message);
        Assert.Equal(distress, reply.Contains(HelpNeedTexts.Hotline, StringComparison.Ordinal));
        Assert.Contains(DisputeTexts.Intro, reply);
    }

    [Fact]
    public async Task A_bullied_child_files_the_request_and_is_asked_as_themselves()
    {
        var user = assistant.User("oNeedChild");
        Assert.Contains(HelpNeedTexts.Bullying, await user.SayAsync("我被同学欺负了 怎么办"));
        Assert.Contains(DisputeTexts.AskAge, await user.SayAsync("是"));
        Assert.Contains(DisputeTexts.AskGuardian, await user.SayAsync("1"));
        Assert.Contains(DisputeTexts.AskCounty, await user.SayAsync("是"));
        await user.SayAsync("婺城");
        Assert.Contains(DisputeTexts.AskDescription, await user.SayAsync("1"));
        Assert.Contains(DisputeTexts.AskContactMethod, await user.SayAsync("最近和同学相处不好，心里很烦，想找老师聊聊。"));
        await user.SayAsync("1");
        Assert.Contains(DisputeTexts.SummaryHeading, await user.SayAsync("1"));
        Assert.Contains("已提交，求助编号", await user.SayAsync("是"));

        var ticket = Assert.Single(DisputeFixtures.AllTickets(assistant.WeChat.Services), t => t.UserId == "oNeedChild");
        Assert.Equal((Filer.Self, "未满14岁", true, "婺城区"), (ticket.FiledBy, ticket.AgeBand, ticket.GuardianConsent, ticket.County));
    }

    [Fact]
    public async Task A_parent_asking_for_mediation_is_addressed_as_the_parent_from_the_first_answer_to_the_ticket()
    {
        var parent = assistant.User("oNeedParent");
        var heard = new List<string>
        {
            await parent.SayAsync("孩子12岁，在学校和同学打闹把人家的眼镜弄坏了，对方家长要我们赔钱，想找人调解"),
        };
        Assert.DoesNotContain(GuideTexts.NotSure, heard[0]);
        Assert.Contains(HelpNeedTexts.DisputeParent, heard[0]);
        Assert.Contains(HelpNeedTexts.IntroParent, heard[0]);
        Assert.Contains("作为孩子的家长（监护人），你同意", heard[0]);

        heard.Add(await parent.SayAsync("是"));
        Assert.Contains(HelpNeedTexts.AskChildAge, heard[^1]);
        // The child is under 14 and the parent, the guardian, has consented: no question meant for a child.
        heard.Add(await parent.SayAsync("1"));
        Assert.Contains(HelpNeedTexts.AskCountyParent, heard[^1]);
        heard.Add(await parent.SayAsync("天台"));
        Assert.Contains(DisputeTexts.AskCategory, heard[^1]);
        heard.Add(await parent.SayAsync("1"));
        Assert.Contains(HelpNeedTexts.AskDescriptionParent, heard[^1]);
        heard.Add(await parent.SayAsync("孩子和同学课间打闹，不小心把对方眼镜弄坏了，对方要我们赔一千元，想请人帮忙调解。"));
        heard.Add(await parent.SayAsync("2"));
        heard.Add(await parent.SayAsync("+86 138-0013-8000"));
        heard.Add(await parent.SayAsync("1"));
        Assert.Contains(HelpNeedTexts.SummaryHeadingParent, heard[^1]);
        Assert.Contains("孩子年龄段：未满14岁", heard[^1]);
        Assert.Contains("地区：天台县", heard[^1]);
        heard.Add(await parent.SayAsync("是"));
        Assert.Contains("已提交，求助编号", heard[^1]);

        foreach (var childWording in new[] { DisputeTexts.AskAge, DisputeTexts.AskGuardian, "你还未满 14 岁", DisputeTexts.AskDescription, DisputeTexts.SummaryHeading })
            Assert.DoesNotContain(heard, h => h.Contains(childWording, StringComparison.Ordinal));
        var ticket = Assert.Single(DisputeFixtures.AllTickets(assistant.WeChat.Services), t => t.UserId == "oNeedParent");
        Assert.Equal((Filer.Parent, "未满14岁", true, "天台县", "纠纷调解"), (ticket.FiledBy, ticket.AgeBand, ticket.GuardianConsent, ticket.County, ticket.Category));
    }

    [Fact]
    public async Task A_parent_who_only_says_help_picks_the_parents_option_and_is_asked_about_the_child()
    {
        var parent = assistant.User("oNeedParent2");
        await parent.SayAsync("求助");
        var ages = await parent.SayAsync("是");
        Assert.Contains("5. " + HelpNeedTexts.ParentOption, ages);
        Assert.Contains(HelpNeedTexts.AskChildAge, await parent.SayAsync("5"));
        Assert.Contains(HelpNeedTexts.AskCountyParent, await parent.SayAsync("2"));
    }

    [Theory]
    [InlineData("我家孩子被同学孤立了怎么办", HelpNeedTexts.ExcludedParent)]
    [InlineData("我家女儿最近压力很大，整天失眠", HelpNeedTexts.CounsellingParent)]
    public async Task A_parent_writing_about_their_child_hears_the_parents_acknowledgement(string message, string acknowledgement)
    {
        var parent = assistant.User("oNeedP" + Math.Abs(message.GetHashCode()));
        var reply = await parent.SayAsync(message);
        Assert.Contains(acknowledgement, reply);
        Assert.Contains(HelpNeedTexts.IntroParent, reply);
        Assert.Contains(HelpNeedTexts.AskChildAge, await parent.SayAsync("是"));
    }

    [Theory]
    [InlineData("亲青老娘舅是什么", "“亲青老娘舅”是团委设立的青少年服务工作室")]
    [InlineData("老娘舅能调解什么", "“亲青老娘舅”是团委设立的青少年服务工作室")]
    [InlineData("心理疏导怎么预约", "“亲青老娘舅”提供心理疏导")]
    public async Task A_question_about_the_service_still_gets_the_guides_answer(string question, string answer)
    {
        var user = assistant.User("oAsk" + Math.Abs(question.GetHashCode()));
        var reply = await user.SayAsync(question);
        Assert.Contains(answer, reply);
        Assert.DoesNotContain(DisputeTexts.Intro, reply);
    }

    [Fact]
    public async Task A_need_written_as_the_description_of_a_running_request_is_the_description()
    {
        var user = assistant.User("oNeedDescription");
        await user.SayAsync("求助");
        await user.SayAsync("是");
        await user.SayAsync("3");
        await user.SayAsync("2");
        Assert.Contains(DisputeTexts.AskDescription, await user.SayAsync("2"));
        var next = await user.SayAsync("宿舍里的同学都不理我，想找人聊聊怎么和她们相处");
        Assert.Contains(DisputeTexts.AskContactMethod, next);
        Assert.DoesNotContain(DisputeTexts.Intro, next);
    }
}
