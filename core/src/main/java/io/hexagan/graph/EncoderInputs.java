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
}
