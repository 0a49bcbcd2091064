package io.hexagan.graph;

import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * GAIN's imputation of new rows with a trained G: {@code X̂ = M ⊙ X + (1 − M) ⊙ G(X̃, M)}, with
 * X̃ = M ⊙ X + (1 − M) ⊙ Z and Z ~ U(0, s) drawn by a seeded op, as the reference code imputes.
 * G's variables are set from the trained values with {@link #generatorLoader()}.
 */
public final class GainImputationGraph {
  private static final Class<TFloat32> F = TFloat32.class;

  private final WeightLoader<TFloat32> generatorLoader;
  private final Placeholder<TFloat32> values;
  private final Placeholder<TFloat32> mask;
  private final Operand<TFloat32> imputed;

  private GainImputationGraph(Graph graph, int features, double noiseScale, long seed) {
    Ops tf = Ops.create(graph);
    GraphSeeds seeds = GraphSeeds.of(seed);
    DenseNetwork<TFloat32> generator = GainGraph.generator(tf, features, seeds.initialWeights());
    generatorLoader = WeightLoader.create(tf, generator);
    Ops in = tf.withSubScope("impute");
    values = in.withName("values").placeholder(F, Placeholder.shape(Shape.of(-1, features)));
    mask = in.withName("mask").placeholder(F, Placeholder.shape(Shape.of(-1, features)));
    Operand<TFloat32> z = in.math.mul(in.random.randomUniform(in.shape(values), F, seeds.inference().uniform()),
        in.constant((float) noiseScale));
    Operand<TFloat32> noisy = MaskBlend.of(in, mask, values, z);
    Operand<TFloat32> generated =
        generator.apply(in, generator.read(in), in.concat(List.of(noisy, mask), in.constant(1)));
    imputed = MaskBlend.of(in, mask, values, generated);
  }

  /**
   * Builds the imputation graph of a GAIN trained on {@code features} columns with noise U(0, {@code
   * noiseScale}), its noise drawn from {@code seed}.
   */
  public static GainImputationGraph build(Graph graph, int features, double noiseScale, long seed) {
    if (features < 1) {
      throw new IllegalArgumentException("features: expected ≥ 1, found " + features);
    }
    return new GainImputationGraph(graph, features, noiseScale, seed);
  }

  /** Sets G's variables (feed one trained value per variable, in G's variable order). */
  public WeightLoader<TFloat32> generatorLoader() {
    return generatorLoader;
  }

  /** X, [rows, d]: any value where missing. */
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
