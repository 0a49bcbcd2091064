package io.hexagan.graph;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * What a dense E reads beyond the paper's {@code (x̃, m)}, computed from x̃'s observed cells with
 * constants found in the training table: level indicators of few-valued columns ({@link
 * Architecture#levelIndicators()}) and every column's quantile rank ({@link
 * Architecture#quantileInputs()}).
 */
public record EncoderInputs(LevelIndicators levels, QuantileRanks ranks) {

  /** Neither: E reads {@code (x̃, m)} alone, as in the paper. */
  public static final EncoderInputs NONE = new EncoderInputs(LevelIndicators.NONE, QuantileRanks.NONE);

  public EncoderInputs {
    levels = levels == null ? LevelIndicators.NONE : levels;
    ranks = ranks == null ? QuantileRanks.NONE : ranks;
  }

  /** How many inputs E gets beyond {@code (x̃, m)}. */
  public int count() {
    return levels.count() + ranks.count();
  }

  /** The extra inputs of a batch, in E's input order (ranks, then level indicators); empty for none. */
  public <T extends TFloating> List<Operand<T>> apply(Ops tf, Operand<T> values, Operand<T> mask, Class<T> type) {
    List<Operand<T>> parts = new ArrayList<>();
    if (ranks.count() > 0) {
      parts.add(ranks.apply(tf, values, mask, type));
    }
    if (levels.count() > 0) {
      parts.add(levels.apply(tf, values, mask, type));
    }
    return parts;
  }

  /**
   * The extra inputs of every observed cell of a batch, [rows, {@link #count()}] (0 where a cell is
   * missing), or null when there are none. They depend on the cell's value alone, so a caller that
   * runs E on several views of the same rows (draws, ensemble members) computes them once and
   * narrows them to each view with {@link #keepSeen}.
   */
  public <T extends TFloating> Operand<T> ofObserved(Ops tf, Operand<T> values, Operand<T> mask, Class<T> type) {
    List<Operand<T>> parts = apply(tf, values, mask, type);
    return parts.isEmpty() ? null : parts.size() == 1 ? parts.get(0) : tf.concat(parts, tf.constant(1));
  }

  /**
   * {@link #ofObserved} of the cells {@code seen} keeps (a subset of the observed ones): each extra
   * input times the seen flag of the column it reads. Equal, bit for bit, to {@link #apply} of a
   * view that shows E those cells.
   */
  public <T extends TFloating> Operand<T> keepSeen(Ops tf, Operand<T> ofObserved, Operand<T> seen) {
    if (levels.count() == 0) {
      // Ranks alone read columns 0, …, d − 1 in order: the seen flags as they are (a gather of
      // every column in order cost as much as E's second layer in imputation).
      return tf.math.mul(ofObserved, seen);
    }
    int[] columns = new int[count()];
    for (int j = 0; j < ranks.count(); j++) {
      columns[j] = j;
    }
    System.arraycopy(levels.columns(), 0, columns, ranks.count(), levels.count());
    return tf.math.mul(ofObserved, tf.gather(seen, tf.constant(columns), tf.constant(1)));
  }
}
