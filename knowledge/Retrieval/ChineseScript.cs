using System.Reflection;

namespace ChatAssistant.Knowledge.Retrieval;

/// <summary>
/// Reads traditional characters as simplified ones ("預約值班" → "预约值班"), so that people on Hong Kong or Taiwan
/// keyboards reach the same commands, intents and guide answers. Used only where text is matched, never on what is
/// stored or shown. Written here because no served NuGet package converts Chinese scripts (ICU4N's transliterator
/// is not served); the table is OpenCC's character dictionary (Data/TSCharacters.txt, Apache-2.0), character by
/// character, which is enough for matching: phrase-level conversions (乾隆 vs 干燥) do not change a match.
/// </summary>
public static class ChineseScript
{
    // One slot per BMP character: the simplified form, or '\0' when the character has none. 128 KB, and a look-up
    // is an array read, because every message passes through here.
    private static readonly char[] Simplified = Load();

    /// <summary><paramref name="text"/> with traditional characters made simplified; the same instance when there are none.</summary>
    public static string ToSimplified(string text)
    {
        var first = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (Simplified[text[i]] != '\0')
            {
                first = i;
                break;
            }
        }

        if (first < 0) return text;
        return string.Create(text.Length, (text, first), static (span, state) =>
        {
            state.text.AsSpan().CopyTo(span);
            for (var i = state.first; i < span.Length; i++)
            {
                var simplified = Simplified[span[i]];
                if (simplified != '\0') span[i] = simplified;
            }
        });
    }

    private static char[] Load()
    {
        var map = new char[char.MaxValue + 1];
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("ChatAssistant.Knowledge.TSCharacters.txt")
            ?? throw new InvalidOperationException("The traditional-to-simplified table is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            // "繁 简": one character, a space, one character; comments start with '#'.
            if (line.Length == 3 && line[1] == ' ' && line[0] != '#') map[line[0]] = line[2];
        }

        return map;
    }
}
