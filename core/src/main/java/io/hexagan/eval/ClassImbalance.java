package io.hexagan.eval;

/** How a classifier baseline treats unequal class sizes (the paper's Table 3 cascades). */
public enum ClassImbalance {
  /** Every labelled row counts once. */
  NONE,
  /**
   * Cost-sensitive loss: each labelled row's cross-entropy is weighted by its class's {@link
   * ClassWeights#inverseFrequency inverse frequency}.
   */
  COST_SENSITIVE,
  /**
   * SMOTE: the labelled rows are oversampled with {@link Smote} (every class brought up to the
   * largest) before training, so that the batches drawn from them are balanced in expectation.
   */
  SMOTE
}
