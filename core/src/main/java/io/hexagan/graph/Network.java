package io.hexagan.graph;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * A network of the HexaGAN graph, dense or convolutional: it owns its variables, a training stage
 * reads them once with {@link #read(Ops)} and applies the network as often as it needs with those
 * reads. The reads travel as {@link DenseNetwork.Weights}, a list of tensors in the order of
 * {@link #variables()}, whatever the layers are, so that the optimizers differentiate any network
 * the same way.
 *
 * <p>Every network takes and returns flat rows [rows, width]; a convolutional network reshapes
 * inside.
 */
public interface Network<T extends TFloating> {

  /** The network's name, unique in the graph: the scope of its variables. */
  String name();

  /** The element type. */
  Class<T> type();

  /** Every variable of this network, in the order of {@link DenseNetwork.Weights#tensors()}. */
  List<ResourceVariable<T>> variables();

  /** Width of a row of the input. */
  int inputWidth();

  /** Width of a row of the output. */
  int outputWidth();

  /** The network's output for a batch {@code input} of shape [rows, inputWidth]. */
  Operand<T> apply(Ops tf, DenseNetwork.Weights<T> weights, Operand<T> input);

  /** Reads every variable under the control dependencies carried by {@code tf}. */
  default DenseNetwork.Weights<T> read(Ops tf) {
    List<Operand<T>> reads = new ArrayList<>();
    for (ResourceVariable<T> v : variables()) {
      reads.add(v.read(tf));
    }
    return new DenseNetwork.Weights<>(reads);
  }

  /** Number of trainable scalars. */
  default long parameterCount() {
    long n = 0;
    for (ResourceVariable<T> v : variables()) {
      n += v.shape().size();
    }
    return n;
  }
}
