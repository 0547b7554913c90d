using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace ChatAssistant.Knowledge;

/// <summary>
/// The text models' shared recipe: character n-grams of already compacted text (no word splitting, case, diacritics,
/// punctuation and digits kept as they are, L2-normalised) and a single-threaded SDCA maximum-entropy trainer, so a
/// given training set always gives the same model. Used by the crisis model and the guide's second reader.
/// </summary>
internal static class CharNgrams
{
    /// <summary>Character n-grams up to <paramref name="length"/>: every length from 1 (<paramref name="allLengths"/>) or that length only.</summary>
    public static TextFeaturizingEstimator.Options Featurizer(bool allLengths, int length = 3) => new()
    {
        CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = length, UseAllLengths = allLengths },
        WordFeatureExtractor = null,
        CaseMode = TextNormalizingEstimator.CaseMode.None,
        KeepDiacritics = true,
        KeepPunctuations = true,
        KeepNumbers = true,
        Norm = TextFeaturizingEstimator.NormFunction.L2,
    };

    /// <summary>One thread and 200 iterations, with the given L2 shrinkage.</summary>
    public static SdcaMaximumEntropyMulticlassTrainer.Options Trainer(float l2Regularization) => new()
    {
        NumberOfThreads = 1,
        MaximumNumberOfIterations = 200,
        L2Regularization = l2Regularization,
    };
}
