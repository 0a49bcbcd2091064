package io.hexagan.graph;

import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * GAIN's training graph (Yoon et al., ICML 2018), after the authors' reference code. Symbols: X the
 * data, M the mask (1 observed), Z ~ U(0, s) the noise of missing cells, X̃ = M ⊙ X + (1 − M) ⊙ Z,
 * Ḡ = G(X̃, M) the generator's output, X̂ = M ⊙ X + (1 − M) ⊙ Ḡ, B ~ Bernoulli(hint rate) and the
 * hint H = B ⊙ M (the reference code's {@code H = B * M}), D(X̂, H) the probability that a cell was
 * observed.
 *
 * <ul>
 *   <li>G and D: two hidden ReLU layers of width d; G ends in a sigmoid (its output is data in
 *       [0, 1]); D outputs logits, and its losses take the logits.
 *   <li>D's loss: {@code −mean[M log D + (1 − M) log(1 − D)]} over every cell of the batch.
 *   <li>G's loss: {@code −mean[(1 − M) log D] + α · Σ M (X − Ḡ)² / Σ M}.
 * </ul>
 *
 * <p>One training iteration is one op, {@link #trainIteration()}: it draws the batch from the data
 * variables, updates D, then updates G against the updated D (the reference code's order), each
 * with its own Adam. {@link #losses()} holds the iteration's D loss, G's adversarial loss and the
 * reconstruction error; fetch it in the same run to see them.
 *
 * <p>The reference code initialises weights from a normal distribution of standard deviation
 * √(2 / fan_in); here they are Glorot-uniform, as every network of hexagan.
 */
public final class GainGraph {
  /** Name scope of G's variables. */
  public static final String GENERATOR = "gain_generator";
  /** Name scope of D's variables. */
  public static final String DISCRIMINATOR = "gain_discriminator";

  private static final Class<TFloat32> F = TFloat32.class;

  private final DataVariable<TFloat32> values;
  private final DataVariable<TFloat32> mask;
  private final DenseNetwork<TFloat32> generator;
  private final DenseNetwork.Weights<TFloat32> generatorWeights;
  private final Op load;
  private final Op trainIteration;
  private final Operand<TFloat32> losses;

  private GainGraph(Graph graph, GainSpec spec) {
    SecondOrderGradients.register();
    Ops tf = Ops.create(graph);
    GraphSeeds seeds = GraphSeeds.of(spec.seed());
    int d = spec.features();
    generator = generator(tf, d, seeds.initialWeights());
    DenseNetwork<TFloat32> discriminator = DenseNetwork.create(tf, DISCRIMINATOR, F, new int[] {2 * d, d, d, d},
        Activation.RELU, Activation.LINEAR, seeds.initialWeights());
    Adam<TFloat32> generatorAdam = Adam.create(tf, generator, spec.adam());
    Adam<TFloat32> discriminatorAdam = Adam.create(tf, discriminator, spec.adam());

    Ops data = tf.withSubScope("data");
    values = DataVariable.create(data, "gain/values", F, Shape.of(spec.rows(), d));
    mask = DataVariable.create(data, "gain/mask", F, Shape.of(spec.rows(), d));
    load = tf.withControlDependencies(List.of(values.load(), mask.load())).withName("gain_load").noOp();

    Ops it = tf.withSubScope("iteration");
    SeedStream draws = seeds.training();
    Operand<TInt32> rows = BatchRows.withoutReplacement(it, spec.rows(), spec.batchSize(), draws);
    Operand<TFloat32> x = it.resourceGather(values.variable().handle(), rows, F);
    Operand<TFloat32> m = it.resourceGather(mask.variable().handle(), rows, F);
    Operand<TFloat32> missing = it.math.sub(it.onesLike(m), m);
    Operand<TInt32> batchShape = it.constant(new int[] {spec.batchSize(), d});
    Operand<TFloat32> z = it.math.mul(it.random.randomUniform(batchShape, F, draws.uniform()),
        it.constant((float) spec.noiseScale()));
    Operand<TFloat32> noisy = it.math.add(it.math.mul(m, x), it.math.mul(missing, z));
    Operand<TFloat32> hintDraw = it.dtypes.cast(
        it.math.less(it.random.randomUniform(batchShape, F, draws.uniform()), it.constant((float) spec.hintRate())), F);
    Operand<TFloat32> hint = it.math.mul(hintDraw, m);
    Operand<TFloat32> generatorInput = it.concat(List.of(noisy, m), it.constant(1));

    // D's update.
    DenseNetwork.Weights<TFloat32> gRead = generator.read(it);
    DenseNetwork.Weights<TFloat32> dRead = discriminator.read(it);
    Operand<TFloat32> imputedForD = it.stopGradient(MaskBlend.of(it, m, x, generator.apply(it, gRead, generatorInput)));
    Operand<TFloat32> dLogits = discriminator.apply(it, dRead, it.concat(List.of(imputedForD, hint), it.constant(1)));
    Operand<TFloat32> dLoss = Losses.mean(it, SigmoidCrossEntropy.of(it, dLogits, m));
    Op dUpdate = discriminatorAdam.minimize(it, dLoss, dRead);

    // G's update, against the updated D.
    Ops after = it.withControlDependencies(List.of(dUpdate));
    DenseNetwork.Weights<TFloat32> gRead2 = generator.read(after);
    DenseNetwork.Weights<TFloat32> dRead2 = discriminator.read(after);
    Operand<TFloat32> generated = generator.apply(after, gRead2, generatorInput);
    Operand<TFloat32> dLogits2 = discriminator.apply(after, dRead2,
        after.concat(List.of(MaskBlend.of(after, m, x, generated), hint), after.constant(1)));
    Operand<TFloat32> adversarial =
        Losses.mean(after, after.math.mul(missing, SigmoidCrossEntropy.againstOne(after, dLogits2)));
    Operand<TFloat32> reconstruction = Losses.reconstruction(after, x, generated, m);
    Operand<TFloat32> gLoss =
        after.math.add(adversarial, after.math.mul(after.constant((float) spec.alpha()), reconstruction));
    Op gUpdate = generatorAdam.minimize(after, gLoss, gRead2);

    losses = after.stack(List.of(dLoss, adversarial, reconstruction));
    trainIteration = tf.withControlDependencies(List.of(dUpdate, gUpdate)).withName("gain_iteration").noOp();
    generatorWeights = generator.read(tf.withSubScope("export"));
  }

  /** Builds the training graph of {@code spec} into {@code graph}. */
  public static GainGraph build(Graph graph, GainSpec spec) {
    return new GainGraph(graph, spec);
  }

  /** G: {@code [X̃, M] → Ḡ}, two hidden ReLU layers of width d and a sigmoid output. */
  static DenseNetwork<TFloat32> generator(Ops tf, int features, SeedStream seeds) {
    return DenseNetwork.create(tf, GENERATOR, F, new int[] {2 * features, features, features, features},
        Activation.RELU, Activation.SIGMOID, seeds);
  }

  /** The data X, [rows, d], 0 where missing. */
  public DataVariable<TFloat32> values() {
    return values;
  }

  /** The mask M, [rows, d], 1 observed and 0 missing. */
  public DataVariable<TFloat32> mask() {
    return mask;
  }

  /** Loads both data variables (feed {@link #values()} and {@link #mask()} placeholders). */
  public Op load() {
    return load;
  }

  /** One training iteration: the only op a training step runs. */
  public Op trainIteration() {
    return trainIteration;
  }

  /** [D's loss, G's adversarial loss, reconstruction error] of the iteration run with it. */
  public Operand<TFloat32> losses() {
    return losses;
  }

  /** Reads of G's variables, in variable order: fetch them after training for the imputation graph. */
  public DenseNetwork.Weights<TFloat32> generatorWeights() {
    return generatorWeights;
  }
}
