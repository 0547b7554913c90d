using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace ChatAssistant.Knowledge.Retrieval;

/// <summary>
/// Lucene analyzer over jieba.NET in search mode. jieba.NET ships no Lucene 4.8 analyzer of its own
/// (its JiebaNet.Analyser is keyword extraction), hence this small adapter.
/// </summary>
internal sealed class JiebaAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new JiebaTokenizer(reader);
        var lower = new LowerCaseFilter(LuceneVersion.LUCENE_48, tokenizer);
        return new TokenStreamComponents(tokenizer, new StopFilter(LuceneVersion.LUCENE_48, lower, AnalysisProfiles.EnglishFunctionWords));
    }

    private sealed class JiebaTokenizer : Tokenizer
    {
        private readonly ICharTermAttribute _term;
        private readonly IOffsetAttribute _offset;
        private List<JiebaNet.Segmenter.Token> _tokens = [];
        private int _next;
        private int _length;

        public JiebaTokenizer(TextReader input)
            : base(input)
        {
            _term = AddAttribute<ICharTermAttribute>();
            _offset = AddAttribute<IOffsetAttribute>();
        }

        public override bool IncrementToken()
        {
            ClearAttributes();
            while (_next < _tokens.Count)
            {
                var token = _tokens[_next++];
                if (!token.Word.Any(char.IsLetterOrDigit))
                {
                    continue;
                }

                _term.SetEmpty().Append(token.Word);
                _offset.SetOffset(CorrectOffset(token.StartIndex), CorrectOffset(token.EndIndex));
                return true;
            }

            return false;
        }

        public override void Reset()
        {
            base.Reset();
            var text = m_input.ReadToEnd();
            _length = text.Length;
            _tokens = JiebaLexicon.Tokenize(text);
            _next = 0;
        }

        public override void End()
        {
            base.End();
            var end = CorrectOffset(_length);
            _offset.SetOffset(end, end);
        }
    }
}
