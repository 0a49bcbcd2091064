package io.hexagan.graph;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TFloating;

/**
 * A network whose output layer is linear over its last hidden layer: {@code out = a W + b} with
 * {@code a = hidden(input)}. The critics are such networks; their gradient penalties use the
 * split to differentiate one output unit per block of a tiled batch ({@link GradientPenalties}).
 */
public interface LinearOutputNetwork<T extends TFloating> extends Network<T> {

  /** The activations a of the last hidden layer, [rows, {@link #hiddenWidth()}]. */
  Operand<T> hidden(Ops tf, DenseNetwork.Weights<T> weights, Operand<T> input);

  /** Width of the last hidden layer. */
  int hiddenWidth();

  /** The output layer's weight matrix W, [hiddenWidth, outputWidth], as read in {@code weights}. */
  Operand<T> outputMatrix(DenseNetwork.Weights<T> weights);

  /** The output layer's bias b, [outputWidth], as read in {@code weights}. */
  Operand<T> outputBias(DenseNetwork.Weights<T> weights);

  /**
   * The output units of a batch tiled block-wise: {@code lastHidden} holds {@code blocks} blocks
   * of {@code blockRows} rows each, and row {@code r} of block {@code i} yields output unit {@code
   * i} only. This costs {@code rows × width} instead of the full output layer's {@code rows ×
   * width × outputs}; the weights are selected by tiling, whose gradient is a plain reduction.
   *
   * @return shape [blocks × blockRows]
   */
  default Operand<T> blockSelectedOutput(
      Ops tf, DenseNetwork.Weights<T> weights, Operand<T> lastHidden, int blocks, int blockRows) {
    if (blocks > outputWidth()) {
      throw new IllegalArgumentException(
          name() + ": expected at most " + outputWidth() + " blocks, found " + blocks);
    }
    int width = hiddenWidth();
    Operand<T> columns = tf.linalg.transpose(
        tf.slice(outputMatrix(weights), tf.constant(new int[] {0, 0}), tf.constant(new int[] {width, blocks})),
        tf.constant(new int[] {1, 0}));
    Operand<T> bias = tf.slice(outputBias(weights), tf.constant(new int[] {0}), tf.constant(new int[] {blocks}));
    return selectedOutput(tf, lastHidden, columns, bias, blocks, blockRows);
  }

  /**
   * Like {@link #blockSelectedOutput} with block i keeping output unit {@code indices[i]}: the
   * units are chosen by a gather, so that they may be drawn at random inside the graph.
   *
   * @param indices [blocks] int32 output units
   * @return shape [blocks × blockRows]
   */
  default Operand<T> gatheredOutput(
      Ops tf, DenseNetwork.Weights<T> weights, Operand<T> lastHidden, Operand<TInt32> indices, int blocks,
      int blockRows) {
    Operand<T> columns = tf.gather(
        tf.linalg.transpose(outputMatrix(weights), tf.constant(new int[] {1, 0})), indices, tf.constant(0));
    Operand<T> bias = tf.gather(outputBias(weights), indices, tf.constant(0));
    return selectedOutput(tf, lastHidden, columns, bias, blocks, blockRows);
  }

  /** Row r of block i: {@code lastHidden[r] · columns[i] + bias[i]}. */
  private Operand<T> selectedOutput(
      Ops tf, Operand<T> lastHidden, Operand<T> columns, Operand<T> bias, int blocks, int blockRows) {
    int width = hiddenWidth();
    Operand<T> repeated = tf.reshape(
        tf.tile(tf.expandDims(columns, tf.constant(1)), tf.constant(new int[] {1, blockRows, 1})),
        tf.constant(new int[] {blocks * blockRows, width}));
    Operand<T> repeatedBias = tf.reshape(
        tf.tile(tf.expandDims(bias, tf.constant(1)), tf.constant(new int[] {1, blockRows})),
        tf.constant(new int[] {blocks * blockRows}));
    Operand<T> dot = tf.reduceSum(tf.math.mul(lastHidden, repeated), tf.constant(1));
    return tf.math.add(dot, repeatedBias);
  }
}
