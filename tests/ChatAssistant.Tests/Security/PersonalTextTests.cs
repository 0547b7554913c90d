using ChatAssistant.Security;

namespace ChatAssistant.Tests.Security;

/// <summary>What looks personal is masked before a question is kept for staff; the question still reads.</summary>
public sealed class PersonalTextTests
{
    [Theory]
    [InlineData("我手机13812345678丢了", "我手机[手机号]丢了")]
    [InlineData("号码是 138 1234 5678 帮我查", "号码是 [手机号] 帮我查")]
    [InlineData("+86-139-1234-5678", "[手机号]")]
    [InlineData("打0571-87654321找谁", "打[电话]找谁")]
    [InlineData("身份证330102200801011234怎么实名", "身份证[证件号]怎么实名")]
    [InlineData("证件号33010220080101123X", "证件号[证件号]")]
    [InlineData("邮箱 xiaoming@example.com 收不到", "邮箱 [邮箱] 收不到")]
    [InlineData("我微信号 wx_abc123 加一下", "我微信号 [账号] 加一下")]
    [InlineData("QQ：123456789", "QQ：[账号]")]
    [InlineData("我叫张小明，时长没到账", "我叫[姓名]，时长没到账")]
    [InlineData("验证码 482913 填哪", "验证码 [数字] 填哪")]
    [InlineData("工单QJ20261203查不到", "工单[编码]查不到")]
    [InlineData("１３８１２３４５６７８", "[手机号]")]
    public void Masks_what_looks_personal(string text, string masked) => Assert.Equal(masked, PersonalText.Mask(text));

    [Theory]
    [InlineData("怎么注册志愿者")]
    [InlineData("12月3日下午3点可以值班吗")]
    [InlineData("满18岁才能注册吗？")]
    [InlineData("how do i sign up")]
    public void Leaves_an_ordinary_question_as_it_is(string text) => Assert.Equal(text, PersonalText.Mask(text));

    [Fact]
    public void Keeps_a_question_not_a_story() =>
        Assert.Equal(PersonalText.MaxLength, PersonalText.Mask(new string('问', 500)).Length);
}
