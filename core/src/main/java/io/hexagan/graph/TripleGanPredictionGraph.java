package io.hexagan.graph;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Class probabilities from a trained Triple-GAN classifier C: {@code softmax(C(x))} for complete
 * rows in [0, 1]. C's variables are set from the trained values with {@link #loader()}.
 */
public final class TripleGanPredictionGraph {
  private static final Class<TFloat32> F = TFloat32.class;

  private final WeightLoader<TFloat32> loader;
  private final Placeholder<TFloat32> values;
  private final Operand<TFloat32> probabilities;

  private TripleGanPredictionGraph(Graph graph, TripleGanSpec spec) {
    Ops tf = Ops.create(graph);
    Classifier<TFloat32> classifier = TripleGanGraph.classifier(tf, spec, GraphSeeds.of(spec.seed()).initialWeights());
    loader = WeightLoader.create(tf, classifier.network());
    Ops in = tf.withSubScope("predict");
    values = in.withName("values").placeholder(F, Placeholder.shape(Shape.of(-1, spec.features())));
    probabilities = in.nn.softmax(classifier.logits(in, classifier.network().read(in), values));
  }

  /** Builds the prediction graph of a classifier trained with {@code spec}. */
  public static TripleGanPredictionGraph build(Graph graph, TripleGanSpec spec) {
    return new TripleGanPredictionGraph(graph, spec);
  }

  /** Sets C's variables (one trained value per variable, in variable order). */
  public WeightLoader<TFloat32> loader() {
    return loader;
  }

  /** x, [rows, d], complete. */
  public Placeholder<TFloat32> values() {
    return values;
  }

  /** softmax(C(x)), [rows, n_c]. */
  public Operand<TFloat32> probabilities() {
    return probabilities;
  }
}
