package io.hexagan.training;

/**
 * The networks as they stand after a training epoch, for pictures of training in progress
 * (the paper's Figures 3 and 4). Rows are in the table's original units with {@code NaN} for a
 * missing cell; imputed and generated rows come back in original units, hidden vectors as the
 * networks produce them. Valid only during {@link TrainingListener#afterEpoch}.
 */
public interface EpochProbe {

  /**
   * The imputation of {@code rows}.
   *
   * @param imputed x̂: observed cells kept, missing ones from G_MI
   * @param raw x̄ = G_MI(E(x̃, m)): G_MI's output for every cell
   * @param hidden h = E(x̃, m), [rows][d_h]
   */
  record Imputation(double[][] imputed, double[][] raw, double[][] hidden) {}

  /**
   * Rows generated for chosen classes.
   *
   * @param hidden h_c = G_CG(z_c, y_c), [rows][d_h]
   * @param rows G_MI(h_c) in original units
   */
  record Generation(double[][] hidden, double[][] rows) {}

  /** x̂, x̄ and h of {@code rows}; the model must have E and G_MI. */
  Imputation impute(double[][] rows);

  /** One generated row per entry of {@code classIds}; the model must have G_CG. */
  Generation generate(int[] classIds);

  /**
   * The class probabilities of {@code rows}, C applied to their imputation: [rows][classes]; the
   * model must have C.
   */
  double[][] classify(double[][] rows);

  /**
   * The factor every learning rate is multiplied by for the next epoch: 1 until a validation
   * plateau lowers it ({@link Schedule#plateauEpochs()}). A default for probes without a session.
   */
  default double learningRateScale() {
    return 1;
  }
}
