namespace ChatAssistant.Guide.Editing;

/// <summary>What staff read when an edit of the guide is refused.</summary>
public static class GuideEditTexts
{
    public const string NoSuchEntry = "没有这个条目，可能已被下架或编号有误。";
    public const string NoSuchDraft = "没有这份草稿，可能已发布或已放弃。请刷新后再看。";
    public const string EntryExists = "这个编号已经有条目了，请换一个编号，或直接修改那个条目。";
    public const string PhrasingEmpty = "问法不能为空。";
    public const string Overtaken = "这份草稿写好后，条目又发布了新版本。请打开条目，在最新版本上重新修改后再发布。";
    public const string NoQuestions = "请选择要处理的问题（可能已被其他工作人员处理，请刷新）。";
    public const string AlreadyRetired = "这个条目已经下架了。";
}
