package io.hexagan.graph;

import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Triple-GAN's training graph (Li et al., NIPS 2017) for tabular rows, with the classifier of
 * HexaGAN. Three players: the classifier C(x) (HexaGAN's {@link Classifier}: p_c(y | x)), the
 * conditional generator G(z, y) → x (p_g(x | y), z ~ U(0, 1)^d) and the discriminator D(x, y), the
 * logit of "the pair comes from the labelled data". Symbols: (x_l, y_l) labelled rows, w_l their
 * weights, x_u unlabelled rows, ŷ_u = one-hot argmax C(x_u), p_u = max_k C(x_u)_k, α the
 * adversarial weight, α_P the weight of the cross-entropy on G's pairs; bce(s, t) is the binary
 * cross-entropy of logit s against target t.
 *
 * <ul>
 *   <li>D: {@code mean bce(D(x_l, y_l), 1) + α mean bce(D(x_u, ŷ_u), 0) + (1 − α) mean bce(D(G(z,
 *       y_l), y_l), 0)}.
 *   <li>G: {@code (1 − α) mean bce(D(G(z, y_l), y_l), 1)} (the non-saturating form).
 *   <li>C: {@code mean w_l CE(C(x_l), y_l) + α mean[p_u · bce(D(x_u, ŷ_u), 1)] + α_P · mean
 *       CE(C(G(z, y_l)), y_l)}, the last term only from the configured iteration on. The
 *       adversarial term is the Triple-GAN code's "argmax approximation": D sees the hard label,
 *       and its verdict weights C's confidence p_u, the only path by which the term moves C.
 * </ul>
 *
 * <p>G draws its labels from the labelled batch, so generated pairs follow the labelled class
 * distribution (balanced after SMOTE). One training iteration is one op, {@link
 * #trainIteration()}: it draws the three batches inside the graph and updates D, then G, then C
 * (the reference code's order), each reading the variables after the previous update, each with
 * its own Adam.
 */
public final class TripleGanGraph {
  /** Name scope of G's variables. */
  public static final String GENERATOR = "triplegan_generator";
  /** Name scope of D's variables. */
  public static final String DISCRIMINATOR = "triplegan_discriminator";

  private static final Class<TFloat32> F = TFloat32.class;

  private final TripleGanSpec spec;
  private final DataVariable<TFloat32> labeledValues;
  private final DataVariable<TFloat32> labels;
  private final DataVariable<TFloat32> weights;
  private final DataVariable<TFloat32> unlabeledValues;
  private final Op load;
  private final Op trainIteration;
  private final Operand<TFloat32> losses;
  private final DenseNetwork.Weights<TFloat32> classifierWeights;

  private TripleGanGraph(Graph graph, TripleGanSpec spec) {
    SecondOrderGradients.register();
    this.spec = spec;
    Ops tf = Ops.create(graph);
    GraphSeeds seeds = GraphSeeds.of(spec.seed());
    int d = spec.features();
    int nc = spec.classes();
    int b = spec.batchSize();
    double alpha = spec.adversarialWeight();
    Architecture.Resolved arch = spec.architecture().resolve(d);
    Classifier<TFloat32> classifier = classifier(tf, spec, seeds.initialWeights());
    DenseNetwork<TFloat32> c = classifier.network();
    DenseNetwork<TFloat32> g = DenseNetwork.create(tf, GENERATOR, F, arch.widths(spec.noiseDim() + nc, d),
        arch.activation(), Activation.SIGMOID, seeds.initialWeights());
    DenseNetwork<TFloat32> dis = DenseNetwork.create(tf, DISCRIMINATOR, F, arch.widths(d + nc, 1),
        arch.activation(), Activation.LINEAR, seeds.initialWeights());
    Adam<TFloat32> cAdam = Adam.create(tf, c, spec.adam());
    Adam<TFloat32> gAdam = Adam.create(tf, g, spec.adam());
    Adam<TFloat32> dAdam = Adam.create(tf, dis, spec.adam());
    ResourceVariable<TInt64> step = ResourceVariable.create(tf, "triplegan/step", TInt64.class, Shape.scalar(),
        tf.withInitScope().constant(0L));

    Ops data = tf.withSubScope("data");
    int nl = spec.labeledRows();
    labeledValues = DataVariable.create(data, "triplegan/labeled_values", F, Shape.of(nl, d));
    labels = DataVariable.create(data, "triplegan/labels", F, Shape.of(nl, nc));
    weights = DataVariable.create(data, "triplegan/weights", F, Shape.of(nl, 1));
    unlabeledValues = DataVariable.create(data, "triplegan/unlabeled_values", F,
        Shape.of(Math.max(spec.unlabeledRows(), 1), d));
    load = tf.withControlDependencies(List.of(labeledValues.load(), labels.load(), weights.load(),
        unlabeledValues.load())).withName("triplegan_load").noOp();

    Ops it = tf.withSubScope("iteration");
    SeedStream draws = seeds.training();
    Operand<TInt32> li = BatchRows.withReplacement(it, nl, b, draws);
    Operand<TFloat32> xl = it.resourceGather(labeledValues.variable().handle(), li, F);
    Operand<TFloat32> yl = it.resourceGather(labels.variable().handle(), li, F);
    Operand<TFloat32> wl = it.resourceGather(weights.variable().handle(), li, F);
    boolean semi = spec.unlabeledRows() > 0;
    Operand<TFloat32> xu = semi
        ? it.resourceGather(unlabeledValues.variable().handle(),
            BatchRows.withReplacement(it, spec.unlabeledRows(), b, draws), F)
        : null;
    Operand<TFloat32> z = it.random.randomUniform(it.constant(new int[] {b, spec.noiseDim()}), F, draws.uniform());
    Operand<TFloat32> gInput = it.concat(List.of(z, yl), it.constant(1));

    // D's update.
    DenseNetwork.Weights<TFloat32> dw = dis.read(it);
    Operand<TFloat32> xg = it.stopGradient(g.apply(it, g.read(it), gInput));
    Operand<TFloat32> dLoss = it.math.add(
        Losses.mean(it, SigmoidCrossEntropy.againstOne(it, score(it, dis, dw, xl, yl))),
        it.math.mul(constant(it, 1 - alpha), Losses.mean(it, SigmoidCrossEntropy.againstZero(it, score(it, dis, dw, xg, yl)))));
    if (semi) {
      Operand<TFloat32> yu = hardLabels(it, classifier.logits(it, c.read(it), xu));
      dLoss = it.math.add(dLoss, it.math.mul(constant(it, alpha),
          Losses.mean(it, SigmoidCrossEntropy.againstZero(it, score(it, dis, dw, xu, yu)))));
    }
    Op dUpdate = dAdam.minimize(it, dLoss, dw);

    // G's update, against the updated D.
    Ops afterD = it.withControlDependencies(List.of(dUpdate));
    DenseNetwork.Weights<TFloat32> gw = g.read(afterD);
    Operand<TFloat32> generated = g.apply(afterD, gw, gInput);
    Operand<TFloat32> gLoss = afterD.math.mul(constant(afterD, 1 - alpha), Losses.mean(afterD,
        SigmoidCrossEntropy.againstOne(afterD, score(afterD, dis, dis.read(afterD), generated, yl))));
    Op gUpdate = gAdam.minimize(afterD, gLoss, gw);

    // C's update, against the updated D and G.
    Ops afterG = it.withControlDependencies(List.of(gUpdate));
    DenseNetwork.Weights<TFloat32> cw = c.read(afterG);
    Operand<TFloat32> ce = Losses.mean(afterG, afterG.math.mul(
        afterG.reshape(wl, afterG.constant(new int[] {-1})), crossEntropy(afterG, classifier.logits(afterG, cw, xl), yl)));
    Operand<TFloat32> xg2 = afterG.stopGradient(g.apply(afterG, g.read(afterG), gInput));
    Operand<TFloat32> active = afterG.dtypes.cast(
        afterG.math.greaterEqual(step.read(afterG), afterG.constant(spec.generatedCrossEntropyStart())), F);
    Operand<TFloat32> ceGenerated = Losses.mean(afterG, crossEntropy(afterG, classifier.logits(afterG, cw, xg2), yl));
    Operand<TFloat32> cLoss = afterG.math.add(ce, afterG.math.mul(
        afterG.math.mul(constant(afterG, spec.generatedCrossEntropyWeight()), active), ceGenerated));
    Operand<TFloat32> adversarial = afterG.constant(0f);
    if (semi) {
      Operand<TFloat32> logitsU = classifier.logits(afterG, cw, xu);
      Operand<TFloat32> confidence = afterG.reduceMax(afterG.nn.softmax(logitsU), afterG.constant(1));
      Operand<TFloat32> verdict = afterG.reshape(SigmoidCrossEntropy.againstOne(afterG,
          score(afterG, dis, dis.read(afterG), xu, hardLabels(afterG, logitsU))), afterG.constant(new int[] {-1}));
      adversarial = Losses.mean(afterG, afterG.math.mul(confidence, afterG.stopGradient(verdict)));
      cLoss = afterG.math.add(cLoss, afterG.math.mul(constant(afterG, alpha), adversarial));
    }
    Op cUpdate = cAdam.minimize(afterG, cLoss, cw);

    Ops done = tf.withControlDependencies(List.of(cUpdate));
    Op advance = done.assignAddVariableOp(step.handle(), done.constant(1L));
    losses = done.stack(List.of(dLoss, gLoss, ce, adversarial, ceGenerated));
    trainIteration = tf.withControlDependencies(List.of(advance)).withName("triplegan_iteration").noOp();
    classifierWeights = c.read(tf.withSubScope("export"));
  }

  /** Builds the training graph of {@code spec} into {@code graph}. */
  public static TripleGanGraph build(Graph graph, TripleGanSpec spec) {
    return new TripleGanGraph(graph, spec);
  }

  /** C, HexaGAN's classifier with the spec's architecture. */
  static Classifier<TFloat32> classifier(Ops tf, TripleGanSpec spec, SeedStream seeds) {
    return Classifier.create(tf, "", F, spec.features(), spec.classes(), spec.architecture().resolve(spec.features()), seeds);
  }

  private static Operand<TFloat32> score(
      Ops tf, DenseNetwork<TFloat32> dis, DenseNetwork.Weights<TFloat32> w, Operand<TFloat32> x, Operand<TFloat32> y) {
    return dis.apply(tf, w, tf.concat(List.of(x, y), tf.constant(1)));
  }

  private Operand<TFloat32> hardLabels(Ops tf, Operand<TFloat32> logits) {
    return tf.stopGradient(tf.oneHot(tf.math.argMax(logits, tf.constant(1)), tf.constant(spec.classes()),
        tf.constant(1f), tf.constant(0f)));
  }

  private static Operand<TFloat32> crossEntropy(Ops tf, Operand<TFloat32> logits, Operand<TFloat32> labels) {
    return tf.nn.softmaxCrossEntropyWithLogits(logits, labels).loss();
  }

  private static Operand<TFloat32> constant(Ops tf, double v) {
    return tf.constant((float) v);
  }

  /** Labelled rows x_l, [labelled rows, d]. */
  public DataVariable<TFloat32> labeledValues() {
    return labeledValues;
  }

  /** One-hot labels y_l, [labelled rows, n_c]. */
  public DataVariable<TFloat32> labels() {
    return labels;
  }

  /** Per labelled row, the weight w_l of its cross-entropy, [labelled rows, 1]. */
  public DataVariable<TFloat32> weights() {
    return weights;
  }

  /** Unlabelled rows x_u, [max(unlabelled rows, 1), d]; a single ignored row when there are none. */
  public DataVariable<TFloat32> unlabeledValues() {
    return unlabeledValues;
  }

  /** Loads the four data variables. */
  public Op load() {
    return load;
  }

  /** One training iteration: the only op a training step runs. */
  public Op trainIteration() {
    return trainIteration;
  }

  /**
   * [D's loss, G's loss, C's labelled cross-entropy, C's adversarial term (0 without unlabelled
   * rows), C's cross-entropy on G's pairs] of the iteration run with it.
   */
  public Operand<TFloat32> losses() {
    return losses;
  }

  /** Reads of C's variables, in variable order: fetch them after training. */
  public DenseNetwork.Weights<TFloat32> classifierWeights() {
    return classifierWeights;
  }
}
