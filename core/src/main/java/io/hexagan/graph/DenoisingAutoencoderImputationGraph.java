package io.hexagan.graph;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Imputation with a trained denoising autoencoder: {@code X̂ = M ⊙ X + (1 − M) ⊙ A(X̃)} with X̃ the
 * input whose missing cells hold the fill (no dropout). Deterministic. The autoencoder's
 * variables are set from the trained values with {@link #loader()}.
 */
public final class DenoisingAutoencoderImputationGraph {
  private static final Class<TFloat32> F = TFloat32.class;

  private final WeightLoader<TFloat32> loader;
  private final Placeholder<TFloat32> values;
  private final Placeholder<TFloat32> mask;
  private final Operand<TFloat32> imputed;

  private DenoisingAutoencoderImputationGraph(Graph graph, DenoisingAutoencoderSpec spec) {
    Ops tf = Ops.create(graph);
    int d = spec.features();
    DenseNetwork<TFloat32> autoencoder =
        DenoisingAutoencoderGraph.network(tf, spec, GraphSeeds.of(spec.seed()).initialWeights());
    loader = WeightLoader.create(tf, autoencoder);
    Ops in = tf.withSubScope("impute");
    values = in.withName("values").placeholder(F, Placeholder.shape(Shape.of(-1, d)));
    mask = in.withName("mask").placeholder(F, Placeholder.shape(Shape.of(-1, d)));
    Operand<TFloat32> filled =
        MaskBlend.of(in, mask, values, DenoisingAutoencoderGraph.fillRow(in, spec));
    Operand<TFloat32> reconstructed = autoencoder.apply(in, autoencoder.read(in), filled);
    imputed = MaskBlend.of(in, mask, values, reconstructed);
  }

  /** Builds the imputation graph of an autoencoder trained with {@code spec}. */
  public static DenoisingAutoencoderImputationGraph build(Graph graph, DenoisingAutoencoderSpec spec) {
    return new DenoisingAutoencoderImputationGraph(graph, spec);
  }

  /** Sets the autoencoder's variables (one trained value per variable, in variable order). */
  public WeightLoader<TFloat32> loader() {
    return loader;
  }

  /** X, [rows, d]: any finite value where missing. */
  public Placeholder<TFloat32> values() {
    return values;
  }

  /** M, [rows, d]: 1 observed, 0 missing. */
  public Placeholder<TFloat32> mask() {
    return mask;
  }

  /** X̂, [rows, d]. */
  public Operand<TFloat32> imputed() {
    return imputed;
  }
}
