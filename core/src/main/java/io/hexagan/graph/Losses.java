package io.hexagan.graph;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * HexaGAN's adversarial and reconstruction losses (paper eq. 3, 4, 5, 7, 8, 14) on score
 * matrices.
 *
 * <p>The element-wise critic losses average every column over its fake (or real) entries of the
 * batch and then average over columns, as the authors' code does: column i contributes {@code
 * E[D_i | m_i = 0] − E[D_i | m_i = 1]}, so a column's weight does not depend on its missing rate.
 * A column with no fake (or no real) entry in the batch contributes 0 for that side.
 */
public final class Losses {
  private Losses() {}

  /**
   * The critic's loss {@code mean_i (E[s_i | m_i = 0] − E[s_i | m_i = 1])} (eq. 4 and 14).
   *
   * @param scores critic outputs [rows, columns]
   * @param real 1 where the entry is real (observed), 0 where it is imputed or generated
   */
  public static <T extends TFloating> Operand<T> elementwiseCritic(
      Ops tf, Operand<T> scores, Operand<T> real) {
    return critic(tf, scores, tf.math.sub(ones(tf, real), real), real);
  }

  /**
   * {@link #elementwiseCritic(Ops, Operand, Operand)} over the entries of {@code counted} only (1:
   * counted, 0: left out, e.g. the cells a hint told D_MI about).
   */
  public static <T extends TFloating> Operand<T> elementwiseCritic(
      Ops tf, Operand<T> scores, Operand<T> real, Operand<T> counted) {
    return critic(tf, scores, tf.math.mul(tf.math.sub(ones(tf, real), real), counted), tf.math.mul(real, counted));
  }

  /** {@link #elementwiseGenerator(Ops, Operand, Operand)} over the entries of {@code counted} only. */
  public static <T extends TFloating> Operand<T> elementwiseGenerator(
      Ops tf, Operand<T> scores, Operand<T> real, Operand<T> counted) {
    return generator(tf, scores, tf.math.mul(tf.math.sub(ones(tf, real), real), counted));
  }

  /** The generator's loss {@code −mean_i E[s_i | m_i = 0]} (eq. 3). */
  public static <T extends TFloating> Operand<T> elementwiseGenerator(
      Ops tf, Operand<T> scores, Operand<T> real) {
    return generator(tf, scores, tf.math.sub(ones(tf, real), real));
  }

  /** {@code mean_i (E[s_i | fake] − E[s_i | real])} with the entries each side counts given as weights. */
  private static <T extends TFloating> Operand<T> critic(Ops tf, Operand<T> scores, Operand<T> fake,
      Operand<T> real) {
    return tf.math.mean(tf.math.sub(columnMean(tf, scores, fake), columnMean(tf, scores, real)), tf.constant(0));
  }

  /** {@code −mean_i E[s_i | fake]}. */
  private static <T extends TFloating> Operand<T> generator(Ops tf, Operand<T> scores, Operand<T> fake) {
    return tf.math.neg(tf.math.mean(columnMean(tf, scores, fake), tf.constant(0)));
  }

  /**
   * The reconstruction loss: the mean of {@code (x − x̄)²} over observed entries (eq. 5, divided
   * by the number of observed entries so that α1 does not depend on the batch size).
   */
  public static <T extends TFloating> Operand<T> reconstruction(
      Ops tf, Operand<T> x, Operand<T> generated, Operand<T> observed) {
    Operand<T> sq = tf.math.mul(observed, tf.math.square(tf.math.sub(x, generated)));
    return tf.math.div(sum(tf, sq), atLeastOne(tf, sum(tf, observed)));
  }

  /**
   * {@link #reconstruction} with column j's squared errors counted {@code weights[j]} times ([d],
   * averaging 1); null weights give the plain mean.
   */
  public static <T extends TFloating> Operand<T> reconstruction(
      Ops tf, Operand<T> x, Operand<T> generated, Operand<T> observed, Operand<T> weights) {
    if (weights == null) {
      return reconstruction(tf, x, generated, observed);
    }
    Operand<T> sq = tf.math.mul(tf.math.mul(observed, tf.math.square(tf.math.sub(x, generated))), weights);
    return tf.math.div(sum(tf, sq), atLeastOne(tf, sum(tf, observed)));
  }

  /** The mean of a vector of scores: E[D(·)] in eq. 7 and 8. */
  public static <T extends TFloating> Operand<T> mean(Ops tf, Operand<T> values) {
    return tf.math.mean(tf.reshape(values, tf.constant(new int[] {-1})), tf.constant(0));
  }

  /** Per column: {@code Σ_r w_rc s_rc / max(Σ_r w_rc, 1)}. */
  static <T extends TFloating> Operand<T> columnMean(Ops tf, Operand<T> scores, Operand<T> weights) {
    Operand<T> num = tf.reduceSum(tf.math.mul(scores, weights), tf.constant(0));
    Operand<T> den = tf.reduceSum(weights, tf.constant(0));
    return tf.math.div(num, atLeastOne(tf, den));
  }

  static <T extends TFloating> Operand<T> sum(Ops tf, Operand<T> x) {
    return tf.reduceSum(tf.reshape(x, tf.constant(new int[] {-1})), tf.constant(0));
  }

  static <T extends TFloating> Operand<T> atLeastOne(Ops tf, Operand<T> x) {
    return tf.math.maximum(x, tf.dtypes.cast(tf.constant(1.0f), x.type()));
  }

  static <T extends TFloating> Operand<T> ones(Ops tf, Operand<T> like) {
    return tf.onesLike(like);
  }
}
