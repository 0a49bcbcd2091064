package io.hexagan.training;

/**
 * How the random forests of {@link MissForestImputer} are grown.
 *
 * @param trees trees per forest
 * @param featuresPerSplit features examined at each split (mtry); capped at the number of
 *     predictors
 * @param minLeaf least rows in a leaf (randomForest's nodesize)
 * @param maxSamples bootstrap sample size cap: each tree draws min(rows, maxSamples) rows with
 *     replacement
 */
public record ForestSettings(int trees, int featuresPerSplit, int minLeaf, int maxSamples) {

  public ForestSettings {
    if (trees < 1) {
      throw new IllegalArgumentException("trees: expected ≥ 1, found " + trees);
    }
    if (featuresPerSplit < 1) {
      throw new IllegalArgumentException("featuresPerSplit: expected ≥ 1, found " + featuresPerSplit);
    }
    if (minLeaf < 1) {
      throw new IllegalArgumentException("minLeaf: expected ≥ 1, found " + minLeaf);
    }
    if (maxSamples < 1) {
      throw new IllegalArgumentException("maxSamples: expected ≥ 1, found " + maxSamples);
    }
  }
}
