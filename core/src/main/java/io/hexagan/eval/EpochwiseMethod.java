package io.hexagan.eval;

import java.util.function.Consumer;

/**
 * A method that trains in epochs and can hand over its test-fold outputs after each of them, for
 * the HexaGAN authors' protocol ({@link EvaluationSettings#bestTestEpoch()}). The method still
 * never sees the test rows' labels or true values: it passes its outputs on, and {@link
 * Evaluation} scores them.
 */
public interface EpochwiseMethod extends EvaluationMethod {

  /**
   * As {@link #run(FoldData)}, and after every main training epoch {@code afterEpoch} receives
   * that epoch's imputation and predictions of the test rows (a {@link MethodOutput} without a
   * training summary); {@code null}: nothing is handed over, as {@link #run(FoldData)}.
   */
  MethodOutput run(FoldData fold, Consumer<MethodOutput> afterEpoch);

  @Override
  default MethodOutput run(FoldData fold) {
    return run(fold, null);
  }
}
