using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ChatAssistant.Knowledge.Safety;

/// <summary>
/// A file of labelled messages (knowledge/crisis/crisis-train.yaml, knowledge/eval/crisis.yaml): <c>crisis</c>
/// (<c>{t, cat, reg}</c>), <c>benign</c> (<c>{t, trap, reg}</c>) and <c>distress</c> (<c>{t, reg}</c>: sad, not in
/// danger). In an evaluation file even positions of each list are the development half, odd ones the held-out half.
/// </summary>
public sealed record CrisisMessageSet(IReadOnlyList<CrisisMessage> Messages)
{
    public IEnumerable<CrisisMessage> Crisis => Messages.Where(m => m.Category is not null);

    public IEnumerable<CrisisMessage> Benign => Messages.Where(m => m.Category is null && !m.Distress);

    public IEnumerable<CrisisMessage> Distress => Messages.Where(m => m.Distress);

    public CrisisMessageSet Dev() => new(Messages.Where(m => m.IsDev).ToList());

    public CrisisMessageSet HeldOut() => new(Messages.Where(m => !m.IsDev).ToList());

    public static CrisisMessageSet Load(string path)
    {
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(UnderscoredNamingConvention.Instance)
            .IgnoreUnmatchedProperties()
            .Build();
        var file = deserializer.Deserialize<SetFile?>(File.ReadAllText(path)) ?? new SetFile();
        var messages = new List<CrisisMessage>();
        for (var i = 0; i < file.Crisis.Count; i++)
        {
            var item = file.Crisis[i];
            if (!Enum.TryParse<CrisisCategory>(item.Cat, ignoreCase: true, out var category))
                throw new InvalidDataException($"{path}: crisis item {i + 1} has category '{item.Cat}' (suicide, abuse, violence or danger)");
            messages.Add(new CrisisMessage(item.T, category, item.Reg ?? "", false, false, i % 2 == 0));
        }
        for (var i = 0; i < file.Benign.Count; i++)
        {
            var item = file.Benign[i];
            messages.Add(new CrisisMessage(item.T, null, item.Reg ?? "", item.Trap, false, i % 2 == 0));
        }
        for (var i = 0; i < file.Distress.Count; i++)
            messages.Add(new CrisisMessage(file.Distress[i].T, null, file.Distress[i].Reg ?? "", false, true, i % 2 == 0));
        return new CrisisMessageSet(messages);
    }

    private sealed class SetFile
    {
        public List<Item> Crisis { get; set; } = [];

        public List<Item> Benign { get; set; } = [];

        public List<Item> Distress { get; set; } = [];
    }

    private sealed class Item
    {
        public string T { get; set; } = "";

        public string? Cat { get; set; }

        public string? Reg { get; set; }

        public bool Trap { get; set; }

        public bool Sad { get; set; }
    }
}
