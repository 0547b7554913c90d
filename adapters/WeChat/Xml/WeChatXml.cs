using System.Text;
using System.Xml;

namespace ChatAssistant.Adapters.WeChat;

/// <summary>
/// Reads and writes WeChat's flat XML messages. Reading prohibits DTDs (so no external or nested
/// entities: XXE and billion laughs fail before any expansion), uses no resolver, and caps the characters.
/// </summary>
public static class WeChatXml
{
    private const int MaxCharacters = 256 * 1024;

    /// <summary>The children of the root element as name → text; nested elements keep their inner text. Throws <see cref="WeChatXmlException"/>.</summary>
    public static IReadOnlyDictionary<string, string> Parse(ReadOnlySpan<byte> body) => Parse(Encoding.UTF8.GetString(body));

    /// <inheritdoc cref="Parse(ReadOnlySpan{byte})"/>
    public static IReadOnlyDictionary<string, string> Parse(string xml)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxCharacters,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
        };
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            if (reader.MoveToContent() != XmlNodeType.Element) throw new WeChatXmlException();
            if (reader.IsEmptyElement) return fields;
            reader.Read();
            while (reader.MoveToContent() == XmlNodeType.Element)
            {
                var name = reader.LocalName;
                // ReadElementContentAsString rejects child elements; nested event data (ScanCodeInfo…) keeps its inner text.
                var text = reader.IsEmptyElement ? "" : ReadInner(reader);
                fields.TryAdd(name, text);
            }
            return fields;
        }
        catch (XmlException) { throw new WeChatXmlException(); }
        catch (InvalidOperationException) { throw new WeChatXmlException(); }
    }

    private static string ReadInner(XmlReader reader)
    {
        if (reader.IsEmptyElement) { reader.Read(); return ""; }
        var depth = reader.Depth;
        var text = new StringBuilder();
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace) text.Append(reader.Value);
            if (!reader.Read()) throw new WeChatXmlException();
        }
        reader.Read();
        return text.ToString();
    }

    /// <summary>Writes a flat <c>&lt;xml&gt;</c> document; values are escaped, never raw.</summary>
    public static string Write(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var builder = new StringBuilder();
        using (var writer = XmlWriter.Create(builder, new XmlWriterSettings { OmitXmlDeclaration = true }))
        {
            writer.WriteStartElement("xml");
            foreach (var (name, value) in fields) writer.WriteElementString(name, value);
            writer.WriteEndElement();
        }
        return builder.ToString();
    }
}
