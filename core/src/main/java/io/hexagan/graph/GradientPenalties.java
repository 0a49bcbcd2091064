package io.hexagan.graph;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TFloating;

/**
 * The zero-centred gradient penalties (Mescheder et al. 2018) of the two critics, built on
 * TensorFlow's own gradients so that optimising them differentiates through the critic's backward
 * pass (second-order terms included; see {@link SecondOrderGradients}).
 */
public final class GradientPenalties {
  private GradientPenalties() {}

  /**
   * L_GP_MI, the element-wise penalty of D_MI (eq. 6): for each output i, the squared norm of
   * {@code ∇_x̂ D_MI(x̂, y)_i}, averaged over the rows whose element i is observed, then averaged
   * over the outputs.
   *
   * <p>All per-output input gradients come from one backward pass: the batch is tiled once per
   * penalised output (block i of the tiled batch is the whole batch), block i keeps only output i
   * ({@link LinearOutputNetwork#blockSelectedOutput}), and the gradient of the sum of the kept outputs
   * with respect to the tiled input holds, in block i, exactly the rows' gradients of output i.
   *
   * @param critic D_MI, whose input is {@code [x̂, y]} (or {@code x̂} when {@code labels} is null)
   * @param x the imputed batch x̂ [rows, d]; treated as a constant
   * @param labels y [rows, n_c], or null when D_MI takes no label
   * @param observed [rows, outputs]: 1 where output i of that row is penalised (element i
   *     observed; for a penalised label output, the row's label observed)
   * @param rows the batch size (static)
   * @param outputs how many leading outputs are penalised: d, or d + 1 with the label output
   */
  public static <T extends TFloating> Operand<T> elementwise(
      Ops tf, LinearOutputNetwork<T> critic, DenseNetwork.Weights<T> weights, Operand<T> x,
      Operand<T> labels, Operand<T> observed, int rows, int outputs) {
    return elementwise(tf, critic, weights, x, labels, observed, rows, outputs, null);
  }

  /**
   * L_GP_MI over a subset of the outputs: the mean over the outputs listed in {@code sampled}
   * (int32 [k], k ≤ outputs) of their masked squared gradient norms. With outputs drawn uniformly
   * at random each iteration this is an unbiased estimate of the full penalty at k/outputs of its
   * cost; with {@code sampled} null it is the full penalty.
   *
   * <p>Of the two exact formulations, the one with fewer backward blocks is built: one block per
   * penalised output ({@link #byOutputBlocks}), or one per unit of D_MI's last hidden layer
   * ({@link #byHiddenGram}) when that layer is narrower than the number of penalised outputs.
   *
   * @param sampled the penalised outputs, or null for all {@code outputs}
   */
  public static <T extends TFloating> Operand<T> elementwise(
      Ops tf, LinearOutputNetwork<T> critic, DenseNetwork.Weights<T> weights, Operand<T> x,
      Operand<T> labels, Operand<T> observed, int rows, int outputs, Operand<TInt32> sampled) {
    int blocks = sampled == null ? outputs : (int) sampled.shape().get(0);
    return critic.hiddenWidth() < blocks
        ? byHiddenGram(tf, critic, weights, x, labels, observed, rows, outputs, sampled)
        : byOutputBlocks(tf, critic, weights, x, labels, observed, rows, outputs, sampled);
  }

  /**
   * {@link #elementwise} with one backward block per penalised output: the batch is tiled once per
   * output, block i keeps only output i, and the gradient of the kept outputs' sum with respect to
   * the tiled input holds, in block i, the rows' gradients of output i. Cost: D_MI's forward and
   * backward pass over {@code outputs × rows} rows.
   *
   * <p>The critic's input {@code [x̂, y]} is put together once and tiled once, and the gradient is
   * taken with respect to the whole tiled input; a product with a 0/1 column vector then sums the
   * squares of its x̂ columns only. Tiling x̂ and y apart and joining the tiles would copy the
   * tiled batch once more, and differentiating with respect to the x̂ tile alone would cut it out
   * of the gradient (and pad it back in the second-order pass): three passes over an array of
   * {@code outputs × rows × (d + n_c)} cells, the largest of the iteration at large d.
   */
  public static <T extends TFloating> Operand<T> byOutputBlocks(
      Ops tf, LinearOutputNetwork<T> critic, DenseNetwork.Weights<T> weights, Operand<T> x,
      Operand<T> labels, Operand<T> observed, int rows, int outputs, Operand<TInt32> sampled) {
    int blocks = sampled == null ? outputs : (int) sampled.shape().get(0);
    Operand<T> input = labels == null ? tf.stopGradient(x)
        : tf.concat(List.of(tf.stopGradient(x), tf.stopGradient(labels)), tf.constant(1));
    Operand<T> tiled = tf.tile(input, tf.constant(new int[] {blocks, 1}));
    Operand<T> hidden = critic.hidden(tf, weights, tiled);
    Operand<T> selected = sampled == null
        ? critic.blockSelectedOutput(tf, weights, hidden, blocks, rows)
        : critic.gatheredOutput(tf, weights, hidden, sampled, blocks, rows);
    Operand<T> grad = inputGradient(tf, selected, tiled);
    Operand<T> rowSquares = labels == null
        ? tf.reduceSum(tf.math.square(grad), tf.constant(1))
        : tf.linalg.matMul(tf.math.square(grad), featureColumns(tf, critic.type(), x, labels));
    // Squared norm per tiled row, laid out as [blocks, rows].
    Operand<T> squared = tf.reshape(rowSquares, tf.constant(new int[] {blocks, rows}));
    Operand<T> mask = tf.linalg.transpose(
        sampled == null ? observed : tf.gather(observed, sampled, tf.constant(1)), tf.constant(new int[] {1, 0}));
    return maskedMean(tf, mask, squared);
  }

  /**
   * {@link #elementwise} through the Gram matrix of D_MI's last hidden layer a (width u): the
   * outputs are {@code D_i = a · W_i + b_i}, so {@code ∇_x D_i = J_aᵀ W_i} and {@code ‖∇_x D_i‖² =
   * W_iᵀ (J_a J_aᵀ) W_i}, where J_a [u, d] is the Jacobian of a row's hidden layer with respect to
   * x̂. The Jacobians come from one backward pass over the batch tiled u times (block j keeps
   * hidden unit j), then every output's norm from the u × u Gram matrix of each row. Exact, like
   * {@link #byOutputBlocks}, at a cost that grows with u instead of the number of outputs.
   */
  public static <T extends TFloating> Operand<T> byHiddenGram(
      Ops tf, LinearOutputNetwork<T> critic, DenseNetwork.Weights<T> weights, Operand<T> x,
      Operand<T> labels, Operand<T> observed, int rows, int outputs, Operand<TInt32> sampled) {
    int u = critic.hiddenWidth();
    long features = x.shape().get(1);
    if (features < 1) {
      throw new IllegalArgumentException("x: expected a static number of columns, found " + x.shape());
    }
    int d = (int) features;
    Operand<T> tiledX = tf.tile(tf.stopGradient(x), tf.constant(new int[] {u, 1}));
    Operand<T> hidden = critic.hidden(tf, weights, criticInput(tf, tiledX, labels, u));
    int[] unitOfRow = new int[u * rows];
    for (int j = 0; j < u; j++) {
      java.util.Arrays.fill(unitOfRow, j * rows, (j + 1) * rows, j);
    }
    Class<T> type = critic.type();
    Operand<T> keep = tf.oneHot(tf.constant(unitOfRow), tf.constant(u), tf.dtypes.cast(tf.constant(1f), type),
        tf.dtypes.cast(tf.constant(0f), type));
    Operand<T> selected = tf.reduceSum(tf.math.mul(hidden, keep), tf.constant(1));
    // Block j of the gradient is row-wise ∂a_j/∂x: reordered into J [rows, u, d].
    Operand<T> jacobian = tf.linalg.transpose(
        tf.reshape(inputGradient(tf, selected, tiledX), tf.constant(new int[] {u, rows, d})),
        tf.constant(new int[] {1, 0, 2}));
    Operand<T> gram = tf.train.batchMatMul(jacobian, jacobian, type,
        org.tensorflow.op.train.BatchMatMul.adjY(true));
    Operand<T> w = tf.slice(critic.outputMatrix(weights), tf.constant(new int[] {0, 0}),
        tf.constant(new int[] {u, outputs}));
    Operand<T> mask = observed;
    if (sampled != null) {
      w = tf.gather(w, sampled, tf.constant(1));
      mask = tf.gather(observed, sampled, tf.constant(1));
    }
    int k = sampled == null ? outputs : (int) sampled.shape().get(0);
    Operand<T> gramW = tf.reshape(
        tf.linalg.matMul(tf.reshape(gram, tf.constant(new int[] {rows * u, u})), w),
        tf.constant(new int[] {rows, u, k}));
    // ‖∇_x D_i(x_r)‖² = Σ_a W[a, i] (G_r W)[a, i]: [rows, k].
    Operand<T> squared = tf.reduceSum(tf.math.mul(gramW, tf.expandDims(w, tf.constant(0))), tf.constant(1));
    Operand<T> penalty = maskedMean(tf, tf.linalg.transpose(mask, tf.constant(new int[] {1, 0})),
        tf.linalg.transpose(squared, tf.constant(new int[] {1, 0})));
    // The output bias moves no input gradient; it enters with weight 0 so that the penalty stays
    // differentiable with respect to every weight of D_MI, as a gradient call requires.
    Operand<T> zeroBias = tf.math.mul(tf.dtypes.cast(tf.constant(0f), type),
        tf.reduceSum(critic.outputBias(weights), tf.constant(0)));
    return tf.math.add(penalty, zeroBias);
  }

  /** [d + n_c, 1]: 1 for each column of {@code x}, 0 for each of {@code labels}. */
  private static <T extends TFloating> Operand<T> featureColumns(Ops tf, Class<T> type, Operand<T> x, Operand<T> labels) {
    long d = x.shape().get(1);
    long side = labels.shape().get(1);
    if (d < 1 || side < 1) {
      throw new IllegalArgumentException("x and labels: expected static column counts, found " + x.shape()
          + " and " + labels.shape());
    }
    float[][] column = new float[(int) (d + side)][1];
    for (int j = 0; j < d; j++) {
      column[j][0] = 1f;
    }
    return tf.dtypes.cast(tf.constant(column), type);
  }

  /** {@code [x, y]} (or x when there are no labels) with the labels tiled like x. */
  private static <T extends TFloating> Operand<T> criticInput(Ops tf, Operand<T> tiledX, Operand<T> labels, int blocks) {
    if (labels == null) {
      return tiledX;
    }
    Operand<T> tiledY = tf.tile(tf.stopGradient(labels), tf.constant(new int[] {blocks, 1}));
    return tf.concat(List.of(tiledX, tiledY), tf.constant(1));
  }

  /**
   * Per output (row of {@code mask} and {@code squared}, both [outputs, rows]) the mean of the
   * squared norms over the rows it is penalised on, then the mean over outputs.
   */
  private static <T extends TFloating> Operand<T> maskedMean(Ops tf, Operand<T> mask, Operand<T> squared) {
    Operand<T> perOutput =
        tf.math.div(
            tf.reduceSum(tf.math.mul(mask, squared), tf.constant(1)),
            Losses.atLeastOne(tf, tf.reduceSum(mask, tf.constant(1))));
    return tf.math.mean(perOutput, tf.constant(0));
  }

  /**
   * L_GP_CG, the penalty of D_CG on real pairs (eq. 9): the mean over rows of {@code ‖∇_h
   * D_CG(h, y)‖²}.
   *
   * @param critic D_CG, whose input is {@code [h, y]} and whose output is one score
   * @param hidden h_l [rows, d_h]; treated as a constant
   * @param labels y_l [rows, n_c]
   */
  public static <T extends TFloating> Operand<T> conditional(
      Ops tf, DenseNetwork<T> critic, DenseNetwork.Weights<T> weights, Operand<T> hidden,
      Operand<T> labels) {
    return conditionalWithScores(tf, critic, weights, hidden, labels).penalty();
  }

  /**
   * L_GP_CG with the scores {@code D_CG(h, y)} [rows, 1] of the forward pass it differentiates, so
   * that D_CG's loss on the same real pairs reads them instead of running D_CG again.
   */
  public static <T extends TFloating> Penalized<T> conditionalWithScores(
      Ops tf, DenseNetwork<T> critic, DenseNetwork.Weights<T> weights, Operand<T> hidden,
      Operand<T> labels) {
    Operand<T> h = tf.identity(tf.stopGradient(hidden));
    Operand<T> input = tf.concat(List.of(h, tf.stopGradient(labels)), tf.constant(1));
    Operand<T> scores = critic.apply(tf, weights, input);
    Operand<T> grad = inputGradient(tf, scores, h);
    return new Penalized<>(tf.math.mean(tf.reduceSum(tf.math.square(grad), tf.constant(1)), tf.constant(0)), scores);
  }

  /** A penalty and the critic's scores at the points it penalises. */
  public record Penalized<T extends TFloating>(Operand<T> penalty, Operand<T> scores) {}

  /** ∂(Σ y)/∂x with an explicit all-ones seed. */
  @SuppressWarnings("unchecked")
  static <T extends TFloating> Operand<T> inputGradient(Ops tf, Operand<T> y, Operand<T> x) {
    Gradients g = tf.gradients(y, List.of(x), Gradients.dx(List.of(tf.onesLike(y))));
    return (Operand<T>) (Operand<?>) g.dy().get(0);
  }
}
