package io.hexagan.graph;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * G_MI with a refiner that stays out of HexaGAN's game: at inference the refiner's term is added to
 * the logits of the cells E did not see; in training every loss of the game sees G_MI without it
 * ({@link #decoderLogits}), and the refiner learns alone from {@link #refinementLoss}, the squared
 * error on the observed cells the input dropout hid from E, with G_MI's logits held fixed. Local to
 * an image ({@link LocalRefinerNetwork}) or over a table's row ({@link TableRefinerNetwork}).
 */
interface OutOfGameRefiner<T extends TFloating> extends ObservedSkipNetwork<T> {

  /**
   * The logits of G_MI without the refiner, for hidden vectors {@code h} and the rows' observed
   * values {@code x}, mask {@code m} and the mask E read {@code e}: σ of them is what every training
   * loss sees.
   */
  Operand<T> decoderLogits(Ops tf, DenseNetwork.Weights<T> weights, Operand<T> h, Operand<T> x, Operand<T> m,
      Operand<T> e);

  /**
   * The refiner's term s for rows with hidden vectors {@code h}, observed values {@code x}, mask
   * {@code m} and the mask E read {@code e}: what is added to the logits of the cells E did not
   * see. It must not carry a cell's own value to that cell's term when the cell is observed but
   * hidden from E ({@code m = 1, e = 0}).
   */
  Operand<T> term(Ops tf, DenseNetwork.Weights<T> weights, Operand<T> h, Operand<T> x, Operand<T> m, Operand<T> e);

  /** {@code σ(g + (1 − e) ⊙ s)}: the refined output, for inference; σ(g) for rows without observed cells. */
  @Override
  default Operand<T> apply(Ops tf, DenseNetwork.Weights<T> weights, Operand<T> h, Operand<T> x, Operand<T> m,
      Operand<T> e) {
    Operand<T> logits = decoderLogits(tf, weights, h, x, m, e);
    if (x == null) {
      return Activation.SIGMOID.apply(tf, logits);
    }
    Operand<T> unseen = tf.math.sub(tf.onesLike(e), e);
    return Activation.SIGMOID.apply(tf, tf.math.add(logits, tf.math.mul(unseen, term(tf, weights, h, x, m, e))));
  }

  /**
   * The refiner's own loss: the mean squared error of {@code σ(g + s)} over the cells of {@code
   * hidden} (observed, hidden from E), where {@code g} are {@link #decoderLogits} (computed once by
   * the caller for the same rows and h) and h are held fixed, so that only the refiner learns from
   * it.
   */
  default Operand<T> refinementLoss(Ops tf, DenseNetwork.Weights<T> weights, Operand<T> h, Operand<T> decoderLogits,
      Operand<T> x, Operand<T> m, Operand<T> hidden) {
    Operand<T> seen = tf.math.sub(m, hidden);
    Operand<T> refined = Activation.SIGMOID.apply(tf, tf.math.add(tf.stopGradient(decoderLogits),
        term(tf, weights, tf.stopGradient(h), x, m, seen)));
    return Losses.reconstruction(tf, x, refined, hidden);
  }
}
