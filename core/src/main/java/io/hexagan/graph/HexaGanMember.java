package io.hexagan.graph;

import static io.hexagan.graph.HexaGanGraph.CRITIC_IMPUTATION;
import static io.hexagan.graph.HexaGanGraph.PENALTY_IMPUTATION;
import static io.hexagan.graph.HexaGanGraph.GENERATOR_IMPUTATION;
import static io.hexagan.graph.HexaGanGraph.RECONSTRUCTION;
import static io.hexagan.graph.HexaGanGraph.IMPUTER_WEIGHT_NORM;
import static io.hexagan.graph.HexaGanGraph.CLASSIFIER_INPUT_L1;
import static io.hexagan.graph.HexaGanGraph.GENERATOR_CONDITIONAL;
import static io.hexagan.graph.HexaGanGraph.CRITIC_CONDITIONAL;
import static io.hexagan.graph.HexaGanGraph.PENALTY_CONDITIONAL;
import static io.hexagan.graph.HexaGanGraph.CROSS_ENTROPY_GENERATED;
import static io.hexagan.graph.HexaGanGraph.CLASSIFIER_CROSS_ENTROPY;
import static io.hexagan.graph.HexaGanGraph.CLASSIFIER_ADVERSARIAL;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * One member of {@link HexaGanGraph}: its six networks, their RMSprop updates, best-epoch
 * snapshots and weight averages, and the stages of one training iteration (equations 1–15), built
 * into the graph that holds the shared training data and step. An ensemble has several; each
 * draws its own initial weights, batches and noise from its own seeds ({@link Members}).
 */
final class HexaGanMember {

  /**
   * The variables every member shares: the training data (loaded once), E's extra inputs of its
   * observed cells ({@link EncoderInputs#ofObserved}, computed when the data are loaded; null when
   * E reads none), the step and the learning rates' scale.
   */
  record SharedData(
      ResourceVariable<TFloat32> values, ResourceVariable<TFloat32> mask, ResourceVariable<TFloat32> labels,
      ResourceVariable<TFloat32> encoderInputs, ResourceVariable<TInt64> step, ResourceVariable<TFloat32> rateScale) {}

  /** One member's inference outputs for the shared inputs (see {@link HexaGanGraph.Inference}). */
  record Outputs(
      Operand<TFloat32> imputed, Operand<TFloat32> probabilities, Operand<TFloat32> generated,
      Operand<TFloat32> raw, Operand<TFloat32> hidden, Operand<TFloat32> conditionalHidden) {}

  private static final Class<TFloat32> F = TFloat32.class;

  private final GraphSpec spec;
  private final Architecture.Resolved arch;
  private final SharedData data;
  private final SeedStream seeds;
  private final SeedStream inferenceSeeds;

  private final Encoder<TFloat32> encoder;
  private final ImputationGenerator<TFloat32> imputationGenerator;
  private final ImputationCritic<TFloat32> imputationCritic;
  private final ConditionalGenerator<TFloat32> conditionalGenerator;
  private final ConditionalCritic<TFloat32> conditionalCritic;
  private final Classifier<TFloat32> classifier;
  private final Map<Network<TFloat32>, RmsProp<TFloat32>> optimizers = new IdentityHashMap<>();
  private final List<ResourceVariable<TFloat32>> bestVariables = new ArrayList<>();
  /** The moving averages of the served networks' weights, in the order of their variables; empty when off. */
  private final List<ResourceVariable<TFloat32>> averageVariables = new ArrayList<>();

  /**
   * Creates member {@code index}'s networks and optimizer slots in {@code nets}; the stages are
   * built later, by the graph, into the scopes it chooses.
   */
  HexaGanMember(Ops nets, GraphSpec spec, Architecture.Resolved arch, int index, SharedData data) {
    this.spec = spec;
    this.arch = arch;
    this.data = data;
    SeedStream master = new SeedStream(Members.seed(spec.seed(), index));
    SeedStream initSeeds = master.split();
    this.seeds = master.split();
    this.inferenceSeeds = master.split();
    int d = spec.features();
    int nc = spec.classes();
    String prefix = Members.prefix(index);
    encoder = spec.hasImputationGenerator() ? Encoder.create(nets, prefix, F, d, arch, spec.encoderInputs(), initSeeds) : null;
    imputationGenerator = spec.hasImputationGenerator()
        ? ImputationGenerator.create(nets, prefix, F, d, arch, initSeeds, spec.columnMeans(), spec.skipSupport()) : null;
    imputationCritic = spec.hasImputationCritic()
        ? ImputationCritic.create(nets, prefix, F, d, nc, spec.hasImputationGenerator(), spec.hasLabelCritic(),
            spec.losses().hintRate() > 0 && spec.hasImputationGenerator() && !arch.convolutional(), arch,
            initSeeds)
        : null;
    conditionalGenerator =
        spec.hasConditionalGenerator() ? ConditionalGenerator.create(nets, prefix, F, nc, arch, initSeeds) : null;
    conditionalCritic =
        spec.hasConditionalGenerator() ? ConditionalCritic.create(nets, prefix, F, nc, arch, initSeeds) : null;
    classifier = spec.labeled() ? Classifier.create(nets, prefix, F, d, nc, arch, initSeeds) : null;
    for (Network<TFloat32> n : networks()) {
      optimizers.put(n, RmsProp.create(nets, n));
    }
  }

  /** The networks present, in a fixed order. */
  List<Network<TFloat32>> networks() {
    List<Network<TFloat32>> list = new ArrayList<>();
    if (encoder != null) {
      list.add(encoder.network());
    }
    if (imputationGenerator != null) {
      list.add(imputationGenerator.network());
    }
    if (imputationCritic != null) {
      list.add(imputationCritic.network());
    }
    if (conditionalGenerator != null) {
      list.add(conditionalGenerator.network());
    }
    if (conditionalCritic != null) {
      list.add(conditionalCritic.network());
    }
    if (classifier != null) {
      list.add(classifier.network());
    }
    return list;
  }

  /**
   * The networks inference uses (E, G_MI, G_CG, C; not the critics), in a fixed order: the ones
   * whose weights are averaged.
   */
  private List<Network<TFloat32>> servedNetworks() {
    List<Network<TFloat32>> list = new ArrayList<>(networks());
    if (imputationCritic != null) {
      list.remove(imputationCritic.network());
    }
    if (conditionalCritic != null) {
      list.remove(conditionalCritic.network());
    }
    return list;
  }

  /** D_MI, or null when absent. */
  ImputationCritic<TFloat32> imputationCritic() {
    return imputationCritic;
  }

  /**
   * This member's variables a resumed run restores: the networks, their optimizer slots, the
   * best-epoch snapshot and the weight averages.
   */
  List<ResourceVariable<?>> checkpointVariables() {
    List<ResourceVariable<?>> all = new ArrayList<>();
    for (Network<TFloat32> n : networks()) {
      all.addAll(n.variables());
    }
    all.addAll(optimizerSlots());
    all.addAll(bestVariables);
    all.addAll(averageVariables);
    return all;
  }

  /** The optimizer slots of every network (state a resumed run restores). */
  List<ResourceVariable<TFloat32>> optimizerSlots() {
    List<ResourceVariable<TFloat32>> all = new ArrayList<>();
    for (Network<TFloat32> n : networks()) {
      all.addAll(optimizers.get(n).slots());
    }
    return all;
  }

  /** The losses this member's stages report, in the order the trainer reads them. */
  List<String> lossNames() {
    List<String> names = new ArrayList<>();
    if (imputationCritic != null) {
      names.add(CRITIC_IMPUTATION);
      names.add(PENALTY_IMPUTATION);
    }
    if (encoder != null) {
      names.add(GENERATOR_IMPUTATION);
      names.add(RECONSTRUCTION);
      if (spec.losses().imputerWeightDecay() > 0) {
        names.add(IMPUTER_WEIGHT_NORM);
      }
    }
    if (conditionalGenerator != null) {
      names.add(GENERATOR_CONDITIONAL);
      names.add(CRITIC_CONDITIONAL);
      names.add(PENALTY_CONDITIONAL);
      if (classifier != null) {
        names.add(CROSS_ENTROPY_GENERATED);
      }
    }
    if (classifier != null) {
      names.add(CLASSIFIER_CROSS_ENTROPY);
      if (spec.hasLabelCritic() && spec.unlabeledBatch() > 0) {
        names.add(CLASSIFIER_ADVERSARIAL);
      }
      if (spec.losses().classifierSparsity() > 0) {
        names.add(CLASSIFIER_INPUT_L1);
      }
    }
    return List.copyOf(names);
  }

  /**
   * One iteration's rows: labelled rows first, then unlabelled rows, and their noise.
   *
   * @param mask the true mask (1 observed)
   * @param encoderMask the mask E reads: the true mask, or fewer cells under input dropout
   * @param encoderInputs E's extra inputs of the rows' observed cells, gathered from the table
   *     computed at loading (null when E reads none)
   */
  private record Batch(
      Operand<TFloat32> values, Operand<TFloat32> mask, Operand<TFloat32> noisy,
      Operand<TFloat32> labels, int labeled, int unlabeled, Operand<TFloat32> encoderMask,
      Operand<TFloat32> encoderInputs) {
    int rows() {
      return labeled + unlabeled;
    }
  }

  private Batch sampleBatch(Ops tf) {
    int bl = spec.labeledBatch();
    int bu = spec.unlabeledBatch();
    List<Operand<TInt32>> parts = new ArrayList<>();
    if (bl > 0) {
      parts.add(tf.random.randomUniformInt(tf.constant(new int[] {bl}), tf.constant(0),
          tf.constant(spec.labeledRows()), seeds.uniformInt()));
    }
    if (bu > 0) {
      parts.add(tf.random.randomUniformInt(tf.constant(new int[] {bu}), tf.constant(spec.labeledRows()),
          tf.constant(spec.rows()), seeds.uniformInt()));
    }
    Operand<TInt32> rows = parts.size() == 1 ? parts.get(0) : tf.concat(parts, tf.constant(0));
    Operand<TFloat32> x = tf.resourceGather(data.values().handle(), rows, F);
    Operand<TFloat32> m = tf.resourceGather(data.mask().handle(), rows, F);
    Operand<TFloat32> labels = null;
    if (bl > 0) {
      labels = tf.resourceGather(data.labels().handle(), parts.get(0), F);
    }
    Operand<TFloat32> z = missingSlots(tf, new int[] {bl + bu, spec.features()});
    Operand<TFloat32> noisy = MaskBlend.of(tf, m, x, z);
    Operand<TFloat32> extra = data.encoderInputs() == null ? null
        : tf.resourceGather(data.encoderInputs().handle(), rows, F);
    return new Batch(x, m, noisy, labels, bl, bu, m, extra);
  }

  /** What missing slots hold in x̃ (eq. 1): the fill value plus U(0, s) noise. */
  private Operand<TFloat32> missingSlots(Ops tf, int[] shape) {
    Operand<TFloat32> z = noise(tf, shape, spec.losses().missingNoiseScale());
    return hasFill() ? tf.math.add(z, tf.constant(toFloats(spec.missingFill()))) : z;
  }

  private boolean hasFill() {
    for (double v : spec.missingFill()) {
      if (v != 0) {
        return true;
      }
    }
    return false;
  }

  private static float[] toFloats(double[] v) {
    float[] f = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      f[i] = (float) v[i];
    }
    return f;
  }

  private Operand<TFloat32> noise(Ops tf, int[] shape, double scale) {
    Operand<TFloat32> u = tf.random.randomUniform(tf.constant(shape), F, seeds.uniform());
    return scale == 1.0 ? u : tf.math.mul(u, tf.constant((float) scale));
  }

  // ---------------------------------------------------------------- stages

  /**
   * What the stages of one iteration share: its scope, whose ops carry no control dependency, the
   * learning rates at its step, and where each network stands. The step advances only after the
   * iteration's updates, so every stage reads the same step: lr = rate · decay^step · scale is
   * built once per rate, not per update (scale is 1 until a validation plateau lowers it, {@link
   * HexaGanGraph#rateScale()}).
   *
   * <p>The stages are built in the authors' order, and each reads every network as that order
   * leaves it: after the network's latest update built before the stage. That read, and no
   * other order, is what ties a stage to the earlier ones, so TensorFlow runs each op as soon as
   * its data are ready: the imputer's stage, whose networks the conditional updates do not change,
   * runs beside them, and a G_CG stage's passes through G_MI, D_MI and C beside the D_CG update
   * before it. The values are those of running the stages one after another.
   */
  private final class IterationScope {
    final Ops tf;
    private Operand<TFloat32> decayed;
    private final Map<Double, Operand<TFloat32>> rates = new HashMap<>();
    /**
     * Each network's latest read, valid until a stage updates that network: a stage reuses the read
     * of a network no update has touched since, so a network that one stage after another only
     * evaluates (G_MI, D_MI and C through the conditional updates) is read once, and the same
     * computation on the same batch in two stages (x̂ in D_MI's and C's) is the same ops, which
     * TensorFlow evaluates once.
     */
    private final Map<Network<TFloat32>, DenseNetwork.Weights<TFloat32>> current = new IdentityHashMap<>();
    /**
     * Reads that later stages use in place of the current one, whatever updates follow them
     * ({@link OptimizerSettings#conditionalOverlap()}). A variable's update copies its buffer while
     * a read still holds it, so a pinned read keeps the values it was taken with.
     */
    private final Map<Network<TFloat32>, DenseNetwork.Weights<TFloat32>> pinned = new IdentityHashMap<>();
    /** Each network's latest update in this iteration; the next read of it runs after it. */
    private final Map<Network<TFloat32>, Op> lastUpdate = new IdentityHashMap<>();
    private final List<Op> updates = new ArrayList<>();

    IterationScope(Ops tf) {
      this.tf = tf;
    }

    Operand<TFloat32> learningRate(double rate) {
      if (decayed == null) {
        decayed = tf.math.mul(
            tf.math.pow(tf.constant((float) spec.optimizer().decay()), tf.dtypes.cast(data.step().read(tf), F)),
            data.rateScale().read(tf));
      }
      return rates.computeIfAbsent(rate, r -> tf.math.mul(tf.constant(r.floatValue()), decayed));
    }

    Stage stage() {
      return new Stage(this);
    }

    /** Every later read of {@code n} returns {@code read}, whatever updates came after it. */
    void pin(Network<TFloat32> n, DenseNetwork.Weights<TFloat32> read) {
      pinned.put(n, read);
    }

    /** Later reads of {@code n} see its latest update again. */
    void unpin(Network<TFloat32> n) {
      pinned.remove(n);
    }

    /** Ops whose control inputs are every update built so far. */
    Ops afterUpdates() {
      return updates.isEmpty() ? tf : tf.withControlDependencies(updates);
    }

    /** An op that completes when every update built so far has; null when there is none. */
    Op done() {
      return updates.isEmpty() ? null : afterUpdates().noOp();
    }
  }

  /**
   * The ops of one update stage. Only the weight reads carry control dependencies: the stage's
   * arithmetic follows from its data, so TensorFlow may fold and share its constants and draw its
   * noise whenever it likes (each random op keeps its own seeded stream, so the values do not
   * depend on the order). An update runs after the stage's loss, which its network's read feeds,
   * and ends the validity of that read ({@link IterationScope#current}).
   */
  private final class Stage {
    final Ops tf;
    private final IterationScope iteration;

    Stage(IterationScope iteration) {
      this.iteration = iteration;
      this.tf = iteration.tf;
    }

    DenseNetwork.Weights<TFloat32> w(Network<TFloat32> n) {
      DenseNetwork.Weights<TFloat32> pinned = iteration.pinned.get(n);
      if (pinned != null) {
        return pinned;
      }
      return iteration.current.computeIfAbsent(n, k -> {
        Op after = iteration.lastUpdate.get(k);
        return k.read(after == null ? tf : tf.withControlDependencies(List.of(after)));
      });
    }

    void update(Network<TFloat32> n, Operand<TFloat32> loss, double rate) {
      if (iteration.pinned.containsKey(n)) {
        throw new IllegalStateException("an update of a network whose read is pinned: " + n);
      }
      Op op = optimizers.get(n).minimize(tf, loss, w(n), iteration.learningRate(rate), spec.optimizer().rho(),
          spec.optimizer().epsilon());
      iteration.current.remove(n);
      iteration.lastUpdate.put(n, op);
      iteration.updates.add(op);
    }
  }

  /**
   * The batch as E sees it in the imputer's update: a share {@code inputDropout} of the observed
   * cells hidden (noise in x̃, 0 in the mask E reads), while x̂ and L_recon keep the true mask.
   */
  private Batch withInputDropout(Ops tf, Batch b) {
    double p = spec.losses().inputDropout();
    if (p == 0) {
      return b;
    }
    Operand<TFloat32> keep = tf.dtypes.cast(tf.math.greaterEqual(
        tf.random.randomUniform(tf.constant(new int[] {b.rows(), spec.features()}), F, seeds.uniform()),
        tf.constant((float) p)), F);
    Operand<TFloat32> seen = tf.math.mul(b.mask(), keep);
    Operand<TFloat32> hidden = tf.math.sub(b.mask(), seen);
    // Hidden cells get the noise a missing cell gets: x̃' = x̃ + hidden ⊙ (z' − x).
    Operand<TFloat32> z = missingSlots(tf, new int[] {b.rows(), spec.features()});
    Operand<TFloat32> noisy = tf.math.add(b.noisy(), tf.math.mul(hidden, tf.math.sub(z, b.values())));
    return new Batch(b.values(), b.mask(), noisy, b.labels(), b.labeled(), b.unlabeled(), seen, b.encoderInputs());
  }

  /** x̂ and x̄ of a batch with the stage's E and G_MI (x̂ = x̃ without G_MI). */
  private record Imputed(Operand<TFloat32> xHat, Operand<TFloat32> xBar,
      ImputationGenerator.TrainingOutput<TFloat32> generated) {}

  private Imputed impute(Stage s, Batch b) {
    if (encoder == null) {
      return new Imputed(b.noisy(), null, null);
    }
    Ops tf = s.tf;
    Operand<TFloat32> h = encoder.encode(tf, s.w(encoder.network()), b.noisy(), b.encoderMask(), b.encoderInputs());
    // The skip path reads every observed cell (its diagonal is zero, so a cell never predicts
    // itself) and fills the cells E did not see: the missing ones and those the dropout hid.
    ImputationGenerator.TrainingOutput<TFloat32> generated = imputationGenerator.generateForTraining(tf,
        s.w(imputationGenerator.network()), h, b.values(), b.mask(), b.encoderMask());
    Operand<TFloat32> xHat = MaskBlend.of(tf, b.mask(), b.values(), generated.xBar());
    return new Imputed(xHat, generated.xBar(), generated);
  }

  private Operand<TFloat32> rows(Ops tf, Operand<TFloat32> x, int from, int count, int cols) {
    return tf.slice(x, tf.constant(new int[] {from, 0}), tf.constant(new int[] {count, cols}));
  }

  /** y_u from C's prediction of x̂_u, with the gradient the configured mode lets through. */
  private Operand<TFloat32> pseudoLabels(Stage s, Operand<TFloat32> xHatUnlabeled, boolean gradient) {
    Ops tf = s.tf;
    Operand<TFloat32> logits = classifier.logits(tf, s.w(classifier.network()), xHatUnlabeled);
    // argmax of the logits is argmax of the softmax: HARD labels need no softmax.
    Operand<TFloat32> hard = tf.oneHot(tf.math.argMax(logits, tf.constant(1)), tf.constant(spec.classes()),
        tf.constant(1f), tf.constant(0f));
    Operand<TFloat32> y = switch (spec.losses().pseudoLabels()) {
      case HARD -> tf.stopGradient(hard);
      case STRAIGHT_THROUGH -> {
        Operand<TFloat32> p = tf.nn.softmax(logits);
        yield tf.math.add(p, tf.stopGradient(tf.math.sub(hard, p)));
      }
      case SOFT -> tf.nn.softmax(logits);
    };
    return gradient ? y : tf.stopGradient(y);
  }

  /** The label y fed to D_MI for each batch row: true labels, then pseudo-labels. */
  private Operand<TFloat32> criticLabels(Stage s, Batch b, Operand<TFloat32> xHat) {
    if (!spec.labeled()) {
      return null;
    }
    if (b.unlabeled() == 0) {
      return b.labels();
    }
    Operand<TFloat32> yu = pseudoLabels(s, rows(s.tf, xHat, b.labeled(), b.unlabeled(), spec.features()), false);
    return s.tf.concat(List.of(b.labels(), yu), s.tf.constant(0));
  }

  /**
   * GAIN's hint over rows whose real cells are {@code real}: {@code values} = B ⊙ real + ½ (1 − B)
   * with B ~ Bernoulli(hintRate) per cell, and {@code counted} = 1 − B, the cells the element-wise
   * losses count; null when D_MI takes no hint ({@link LossWeights#hintRate()}).
   */
  private record Hint(Operand<TFloat32> values, Operand<TFloat32> counted) {}

  private Hint hint(Ops tf, Operand<TFloat32> real, int rowCount) {
    if (imputationCritic == null || !imputationCritic.takesHints()) {
      return null;
    }
    Operand<TFloat32> u = noise(tf, new int[] {rowCount, spec.features()}, 1.0);
    Operand<TFloat32> hinted = tf.dtypes.cast(tf.math.less(u, tf.constant((float) spec.losses().hintRate())), F);
    Operand<TFloat32> unhinted = tf.math.sub(tf.onesLike(hinted), hinted);
    Operand<TFloat32> values = tf.math.add(tf.math.mul(hinted, real), tf.math.mul(tf.constant(0.5f), unhinted));
    return new Hint(values, unhinted);
  }

  /** D_MI's side input for rows with this hint (or none) and labels (or none). */
  private Operand<TFloat32> criticSide(Ops tf, Hint hint, Operand<TFloat32> labels) {
    return imputationCritic.side(tf, hint == null ? null : hint.values(), labels);
  }

  /** The element-wise generator loss, over the unhinted cells when there is a hint. */
  private Operand<TFloat32> elementGeneratorLoss(Ops tf, Operand<TFloat32> elementScores, Operand<TFloat32> real,
      Hint hint) {
    return hint == null ? Losses.elementwiseGenerator(tf, elementScores, real)
        : Losses.elementwiseGenerator(tf, elementScores, real, hint.counted());
  }

  /** The first d columns of D_MI's scores. */
  private Operand<TFloat32> elementScores(Ops tf, Operand<TFloat32> scores, int rowCount) {
    return tf.slice(scores, tf.constant(new int[] {0, 0}), tf.constant(new int[] {rowCount, spec.features()}));
  }

  /** Column d+1 of D_MI's scores, [rows, 1]. */
  private Operand<TFloat32> labelScores(Ops tf, Operand<TFloat32> scores, int rowCount) {
    return tf.slice(scores, tf.constant(new int[] {0, imputationCritic.elementOutputs()}),
        tf.constant(new int[] {rowCount, 1}));
  }

  private Operand<TFloat32> filled(Ops tf, int rowCount, int cols, float v) {
    return tf.fill(tf.constant(new int[] {rowCount, cols}), tf.constant(v));
  }

  private Operand<TFloat32> conditionalNoise(Ops tf, int rowCount) {
    return noise(tf, new int[] {rowCount, conditionalGenerator.noiseDim()}, 1.0);
  }

  /** G_CG's update (eq. 12): L_GCG + α2 L_GMI(x̂_c) + α3 L_CE(x̂_c, y_c). */
  private void conditionalGeneratorStage(Stage s, Batch b, Map<String, List<Operand<TFloat32>>> losses) {
    Ops tf = s.tf;
    LossWeights lw = spec.losses();
    int bl = b.labeled();
    Operand<TFloat32> hc = conditionalGenerator.generate(tf, s.w(conditionalGenerator.network()),
        conditionalNoise(tf, bl), b.labels());
    Operand<TFloat32> adversarial = tf.math.neg(Losses.mean(tf,
        conditionalCritic.score(tf, s.w(conditionalCritic.network()), hc, b.labels())));
    Operand<TFloat32> loss = adversarial;
    Operand<TFloat32> xc = imputationGenerator.generate(tf, s.w(imputationGenerator.network()), hc, null, null, null);
    Operand<TFloat32> generatedReal = filled(tf, bl, spec.features(), 0f);
    Hint hint = hint(tf, generatedReal, bl);
    Operand<TFloat32> scores = imputationCritic.score(tf, s.w(imputationCritic.network()), xc,
        criticSide(tf, hint, b.labels()));
    Operand<TFloat32> imputationLoss = elementGeneratorLoss(tf, elementScores(tf, scores, bl), generatedReal, hint);
    loss = tf.math.add(loss, tf.math.mul(tf.constant((float) lw.conditionalImputation()), imputationLoss));
    if (classifier != null) {
      Operand<TFloat32> ce = crossEntropy(tf, classifier.logits(tf, s.w(classifier.network()), xc), b.labels());
      loss = tf.math.add(loss, tf.math.mul(tf.constant((float) lw.conditionalCrossEntropy()), tf.math.mean(ce, tf.constant(0))));
      add(losses, CROSS_ENTROPY_GENERATED, tf.math.mean(ce, tf.constant(0)));
    }
    add(losses, GENERATOR_CONDITIONAL, adversarial);
    s.update(conditionalGenerator.network(), loss, spec.optimizer().conditionalRate());
  }

  /** D_CG's update (eq. 11): L_DCG + λ2 L_GP_CG, or the penalty alone during warm-up. */
  private void conditionalCriticStage(Stage s, Batch b, Operand<TFloat32> hl, boolean warmup,
      Map<String, List<Operand<TFloat32>>> losses) {
    Ops tf = s.tf;
    int bl = b.labeled();
    DenseNetwork.Weights<TFloat32> w = s.w(conditionalCritic.network());
    GradientPenalties.Penalized<TFloat32> penalized =
        GradientPenalties.conditionalWithScores(tf, conditionalCritic.network(), w, hl, b.labels());
    Operand<TFloat32> penalty = penalized.penalty();
    Operand<TFloat32> loss = tf.math.mul(tf.constant((float) spec.losses().conditionalPenalty()), penalty);
    add(losses, PENALTY_CONDITIONAL, penalty);
    if (!warmup) {
      Operand<TFloat32> hc = tf.stopGradient(conditionalGenerator.generate(tf,
          s.w(conditionalGenerator.network()), conditionalNoise(tf, bl), b.labels()));
      // The real pairs' scores are those the penalty differentiates: one forward pass of D_CG, not two.
      Operand<TFloat32> critic = tf.math.sub(
          Losses.mean(tf, conditionalCritic.score(tf, w, hc, b.labels())), Losses.mean(tf, penalized.scores()));
      loss = tf.math.add(loss, critic);
      add(losses, CRITIC_CONDITIONAL, critic);
    }
    s.update(conditionalCritic.network(), loss, spec.optimizer().conditionalRate());
  }

  /**
   * h_l = E(x̃_l, m_l) of the batch's labelled rows, the real side of D_CG. E does not change
   * during the conditional updates, so all of them share this one encoding.
   */
  private Operand<TFloat32> labeledHidden(Stage s, Batch b) {
    Ops tf = s.tf;
    int bl = b.labeled();
    Operand<TFloat32> xl = rows(tf, b.noisy(), 0, bl, spec.features());
    Operand<TFloat32> ml = rows(tf, b.mask(), 0, bl, spec.features());
    Operand<TFloat32> extra = b.encoderInputs() == null ? null
        : rows(tf, b.encoderInputs(), 0, bl, spec.encoderInputs().count());
    return tf.stopGradient(encoder.encode(tf, s.w(encoder.network()), xl, ml, extra));
  }

  /** The update of E and G_MI: L_GMI + α1 (L_recon + β L_recon over the hidden cells) (eq. 3, 5). */
  private void imputerStage(Stage s, Batch b, Map<String, List<Operand<TFloat32>>> losses) {
    Ops tf = s.tf;
    Batch seen = withInputDropout(tf, b);
    Imputed imp = impute(s, seen);
    Operand<TFloat32> labels = criticLabels(s, b, tf.stopGradient(imp.xHat()));
    Hint hint = hint(tf, b.mask(), b.rows());
    Operand<TFloat32> scores = imputationCritic.score(tf, s.w(imputationCritic.network()), imp.xHat(),
        criticSide(tf, hint, labels));
    Operand<TFloat32> adversarial = elementGeneratorLoss(tf, elementScores(tf, scores, b.rows()), b.mask(), hint);
    Operand<TFloat32> columnWeights = spec.reconstructionWeights() == null
        ? null : tf.constant(toFloats(spec.reconstructionWeights()));
    Operand<TFloat32> recon = Losses.reconstruction(tf, b.values(), imp.xBar(), b.mask(), columnWeights);
    Operand<TFloat32> fit = recon;
    double beta = spec.losses().hiddenReconstruction();
    if (beta > 0 && spec.losses().inputDropout() > 0) {
      // + β · the mean squared error over the observed cells E did not see.
      Operand<TFloat32> hidden = tf.math.sub(b.mask(), seen.encoderMask());
      fit = tf.math.add(recon,
          tf.math.mul(tf.constant((float) beta), Losses.reconstruction(tf, b.values(), imp.xBar(), hidden, columnWeights)));
    }
    Operand<TFloat32> skipL1 = imputationGenerator.skipL1(tf, s.w(imputationGenerator.network()));
    if (skipL1 != null && spec.losses().skipSparsity() > 0) {
      // + (2κ/d) Σ|S|: per column, ½ MSE + κ‖s_j‖₁, a lasso's units (LossWeights#skipSparsity).
      fit = tf.math.add(fit,
          tf.math.mul(tf.constant((float) (2 * spec.losses().skipSparsity() / spec.features())), skipL1));
    }
    Operand<TFloat32> refinement = imputationGenerator.refinementLoss(tf, s.w(imputationGenerator.network()),
        imp.generated(), b.values(), b.mask(), tf.math.sub(b.mask(), seen.encoderMask()));
    if (refinement != null) {
      // The local refiner's own fit, on the cells the input dropout hid; only the refiner learns from it.
      fit = tf.math.add(fit, refinement);
    }
    Operand<TFloat32> loss = tf.math.add(adversarial,
        tf.math.mul(tf.constant((float) spec.losses().reconstruction()), fit));
    double omega = spec.losses().imputerWeightDecay();
    if (omega > 0) {
      // + ω (½‖W‖² over E's and G_MI's matrices): each update's gradient sees its own networks' part.
      Operand<TFloat32> l2 = tf.math.add(matrixNorms(tf, s.w(encoder.network())),
          matrixNorms(tf, s.w(imputationGenerator.network())));
      loss = tf.math.add(loss, tf.math.mul(tf.constant((float) omega), l2));
      add(losses, IMPUTER_WEIGHT_NORM, l2);
    }
    add(losses, GENERATOR_IMPUTATION, adversarial);
    add(losses, RECONSTRUCTION, recon);
    // E and G_MI minimise the same loss; each update touches its own variables only.
    s.update(encoder.network(), loss, spec.optimizer().imputationRate());
    s.update(imputationGenerator.network(), loss, spec.optimizer().imputationRate());
  }

  /**
   * D_MI's update (eq. 4, 6, 14): the element-wise and label critic losses over real rows and,
   * with G_CG, generated rows (every element and the label fake), plus λ1 L_GP_MI; or the penalty
   * alone during warm-up.
   */
  private void imputationCriticStage(Stage s, Batch b, boolean warmup, Map<String, List<Operand<TFloat32>>> losses) {
    Ops tf = s.tf;
    int d = spec.features();
    int rowsB = b.rows();
    Operand<TFloat32> xHat = tf.stopGradient(impute(s, b).xHat());
    Operand<TFloat32> labels = criticLabels(s, b, xHat);
    Hint hint = hint(tf, b.mask(), rowsB);
    Operand<TFloat32> side = criticSide(tf, hint, labels);
    DenseNetwork.Weights<TFloat32> w = s.w(imputationCritic.network());
    boolean elements = imputationCritic.elementOutputs() > 0;
    boolean labelOut = imputationCritic.hasLabelOutput();
    Operand<TFloat32> labelReal = null;
    if (labelOut) {
      labelReal = b.unlabeled() == 0 ? filled(tf, b.labeled(), 1, 1f)
          : tf.concat(List.of(filled(tf, b.labeled(), 1, 1f), filled(tf, b.unlabeled(), 1, 0f)), tf.constant(0));
    }
    // Penalised outputs: the element outputs, and the label output if configured (or if it is the only one).
    boolean penalizeLabel = labelOut && (spec.losses().penalizeLabelOutput() || !elements);
    List<Operand<TFloat32>> penaltyMask = new ArrayList<>();
    if (elements) {
      penaltyMask.add(b.mask());
    }
    if (penalizeLabel) {
      penaltyMask.add(labelReal);
    }
    int penalized = (elements ? d : 0) + (penalizeLabel ? 1 : 0);
    Operand<TFloat32> mask = penaltyMask.size() == 1 ? penaltyMask.get(0) : tf.concat(penaltyMask, tf.constant(1));
    // With λ1 = 0 the main iterations leave the penalty out (its cost is then measurable); the
    // warm-up, which minimises the penalty alone, always has it.
    Operand<TFloat32> loss;
    if (warmup || spec.losses().imputationPenalty() > 0) {
      int sample = spec.losses().penaltyOutputSample();
      Operand<TInt32> sampled = null;
      // A sample as wide as D_MI's last hidden layer costs as much as the exact penalty: no sample then.
      if (sample > 0 && sample < penalized && sample < imputationCritic.network().hiddenWidth()) {
        Operand<TInt32> all = tf.range(tf.constant(0), tf.constant(penalized), tf.constant(1));
        sampled = tf.slice(tf.random.randomShuffle(all, seeds.shuffle()), tf.constant(new int[] {0}),
            tf.constant(new int[] {sample}));
      }
      Operand<TFloat32> penalty = GradientPenalties.elementwise(tf, imputationCritic.network(), w, xHat, side,
          mask, rowsB, penalized, sampled);
      loss = tf.math.mul(tf.constant((float) spec.losses().imputationPenalty()), penalty);
      add(losses, PENALTY_IMPUTATION, penalty);
    } else {
      loss = tf.constant(0f);
      add(losses, PENALTY_IMPUTATION, loss);
    }
    if (!warmup) {
      List<Operand<TFloat32>> xs = new ArrayList<>(List.of(xHat));
      List<Operand<TFloat32>> sides = new ArrayList<>();
      List<Operand<TFloat32>> reals = new ArrayList<>();
      List<Operand<TFloat32>> counted = new ArrayList<>();
      if (side != null) {
        sides.add(side);
      }
      reals.add(realColumns(tf, elements ? b.mask() : null, labelReal));
      if (hint != null) {
        counted.add(realColumns(tf, hint.counted(), labelReal == null ? null : filled(tf, rowsB, 1, 1f)));
      }
      if (conditionalGenerator != null) {
        int bl = b.labeled();
        Operand<TFloat32> hc = conditionalGenerator.generate(tf, s.w(conditionalGenerator.network()),
            conditionalNoise(tf, bl), b.labels());
        xs.add(tf.stopGradient(imputationGenerator.generate(tf, s.w(imputationGenerator.network()), hc, null, null, null)));
        Operand<TFloat32> generatedReal = filled(tf, bl, spec.features(), 0f);
        Hint generatedHint = hint(tf, generatedReal, bl);
        Operand<TFloat32> generatedSide = criticSide(tf, generatedHint, b.labels());
        if (generatedSide != null) {
          sides.add(generatedSide);
        }
        reals.add(filled(tf, bl, imputationCritic.elementOutputs() + (labelOut ? 1 : 0), 0f));
        if (generatedHint != null) {
          counted.add(realColumns(tf, generatedHint.counted(), labelOut ? filled(tf, bl, 1, 1f) : null));
        }
      }
      Operand<TFloat32> allX = xs.size() == 1 ? xs.get(0) : tf.concat(xs, tf.constant(0));
      Operand<TFloat32> allSide = sides.isEmpty() ? null : sides.size() == 1 ? sides.get(0) : tf.concat(sides, tf.constant(0));
      Operand<TFloat32> allReal = reals.size() == 1 ? reals.get(0) : tf.concat(reals, tf.constant(0));
      Operand<TFloat32> allScores = imputationCritic.score(tf, w, allX, allSide);
      Operand<TFloat32> critic = counted.isEmpty() ? Losses.elementwiseCritic(tf, allScores, allReal)
          : Losses.elementwiseCritic(tf, allScores, allReal,
              counted.size() == 1 ? counted.get(0) : tf.concat(counted, tf.constant(0)));
      loss = tf.math.add(loss, critic);
      add(losses, CRITIC_IMPUTATION, critic);
    }
    s.update(imputationCritic.network(), loss, spec.optimizer().imputationRate());
  }

  private Operand<TFloat32> realColumns(Ops tf, Operand<TFloat32> elementMask, Operand<TFloat32> labelReal) {
    if (elementMask == null) {
      return labelReal;
    }
    if (labelReal == null) {
      return elementMask;
    }
    return tf.concat(List.of(elementMask, labelReal), tf.constant(1));
  }

  /**
   * C's update (eq. 15): the cross-entropy over labelled rows and, with G_CG, the generated
   * minority rows that bring every class of the batch up to its majority class's count; plus α4
   * L_C over unlabelled rows and the weight decay of the authors' code.
   */
  private void classifierStage(Stage s, Batch b, Map<String, List<Operand<TFloat32>>> losses) {
    Ops tf = s.tf;
    int d = spec.features();
    int nc = spec.classes();
    int bl = b.labeled();
    Operand<TFloat32> xHat = tf.stopGradient(impute(s, b).xHat());
    DenseNetwork.Weights<TFloat32> w = s.w(classifier.network());
    Operand<TFloat32> ceLabeled = crossEntropy(tf, classifier.logits(tf, w, rows(tf, xHat, 0, bl, d)), b.labels());
    Operand<TFloat32> ce;
    if (conditionalGenerator != null) {
      // Pool: block k holds bl rows of class k; row j of block k counts if j < max_count − count_k.
      int pool = nc * bl;
      float[][] poolLabels = new float[pool][nc];
      float[] position = new float[pool];
      for (int k = 0; k < nc; k++) {
        for (int j = 0; j < bl; j++) {
          poolLabels[k * bl + j][k] = 1f;
          position[k * bl + j] = j;
        }
      }
      Operand<TFloat32> yPool = tf.constant(poolLabels);
      Operand<TFloat32> counts = tf.reduceSum(b.labels(), tf.constant(0));
      Operand<TFloat32> needed = tf.math.sub(tf.reduceMax(counts, tf.constant(0)), counts);
      Operand<TFloat32> neededPerRow = tf.reshape(
          tf.linalg.matMul(yPool, tf.reshape(needed, tf.constant(new int[] {nc, 1}))), tf.constant(new int[] {pool}));
      Operand<TFloat32> weight = tf.dtypes.cast(tf.math.less(tf.constant(position), neededPerRow), F);
      Operand<TFloat32> hc = conditionalGenerator.generate(tf, s.w(conditionalGenerator.network()),
          conditionalNoise(tf, pool), yPool);
      Operand<TFloat32> xc = tf.stopGradient(imputationGenerator.generate(tf, s.w(imputationGenerator.network()), hc,
          null, null, null));
      Operand<TFloat32> cePool = crossEntropy(tf, classifier.logits(tf, w, xc), yPool);
      Operand<TFloat32> total = tf.math.add(Losses.sum(tf, ceLabeled), Losses.sum(tf, tf.math.mul(weight, cePool)));
      ce = tf.math.div(total, tf.math.add(tf.constant((float) bl), Losses.sum(tf, weight)));
    } else {
      ce = tf.math.mean(ceLabeled, tf.constant(0));
    }
    Operand<TFloat32> loss = ce;
    add(losses, CLASSIFIER_CROSS_ENTROPY, ce);
    if (spec.hasLabelCritic() && b.unlabeled() > 0) {
      Operand<TFloat32> xu = rows(tf, xHat, bl, b.unlabeled(), d);
      Operand<TFloat32> yu = pseudoLabels(s, xu, true);
      Hint hint = hint(tf, rows(tf, b.mask(), bl, b.unlabeled(), d), b.unlabeled());
      Operand<TFloat32> scores = imputationCritic.score(tf, s.w(imputationCritic.network()), xu,
          criticSide(tf, hint, yu));
      Operand<TFloat32> adversarial = tf.math.neg(Losses.mean(tf, labelScores(tf, scores, b.unlabeled())));
      loss = tf.math.add(loss, tf.math.mul(tf.constant((float) spec.losses().pseudoLabel()), adversarial));
      add(losses, CLASSIFIER_ADVERSARIAL, adversarial);
    }
    double decay = spec.losses().classifierWeightDecay();
    if (decay > 0) {
      List<Operand<TFloat32>> norms = new ArrayList<>();
      for (int k = 0; k < classifier.network().layers().size(); k++) {
        norms.add(tf.nn.l2Loss(w.matrix(k)));
      }
      Operand<TFloat32> l2 = tf.math.addN(norms);
      loss = tf.math.add(loss, tf.math.mul(tf.constant((float) decay), l2));
    }
    double sparsity = spec.losses().classifierSparsity();
    if (sparsity > 0) {
      Operand<TFloat32> l1 = tf.reduceSum(tf.math.abs(w.matrix(0)), tf.constant(new int[] {0, 1}));
      loss = tf.math.add(loss, tf.math.mul(tf.constant((float) sparsity), l1));
      add(losses, CLASSIFIER_INPUT_L1, l1);
    }
    s.update(classifier.network(), loss, spec.optimizer().classifierRate());
  }

  /** ½ Σ‖W‖² over the tensors of rank two or more in {@code w} (weights; biases are vectors). */
  private static Operand<TFloat32> matrixNorms(Ops tf, DenseNetwork.Weights<TFloat32> w) {
    List<Operand<TFloat32>> norms = new ArrayList<>();
    for (Operand<TFloat32> t : w.tensors()) {
      if (t.shape().numDimensions() >= 2) {
        norms.add(tf.nn.l2Loss(t));
      }
    }
    return norms.size() == 1 ? norms.get(0) : tf.math.addN(norms);
  }

  private static Operand<TFloat32> crossEntropy(Ops tf, Operand<TFloat32> logits, Operand<TFloat32> labels) {
    return tf.nn.softmaxCrossEntropyWithLogits(logits, labels).loss();
  }

  private static void add(Map<String, List<Operand<TFloat32>>> losses, String name, Operand<TFloat32> value) {
    losses.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
  }

  // ---------------------------------------------------------------- iteration

  /**
   * The stages of one training iteration, in the authors' order; their losses go into {@code
   * losses}. Returns the last stage's op.
   */
  Op buildIteration(Ops tf, Map<String, List<Operand<TFloat32>>> losses) {
    IterationScope it = new IterationScope(tf);
    Batch b = sampleBatch(tf);
    if (conditionalGenerator != null) {
      Operand<TFloat32> hl = labeledHidden(it.stage(), b);
      DenseNetwork.Weights<TFloat32> generatorAtStart = it.stage().w(conditionalGenerator.network());
      for (int k = 0; k < spec.optimizer().conditionalUpdates(); k++) {
        DenseNetwork.Weights<TFloat32> generatorBefore = it.stage().w(conditionalGenerator.network());
        conditionalGeneratorStage(it.stage(), b, losses);
        if (spec.optimizer().conditionalSimultaneous()) {
          // D_CG's fake pairs come from the G_CG this round's G_CG update started from.
          it.pin(conditionalGenerator.network(), generatorBefore);
          conditionalCriticStage(it.stage(), b, hl, false, losses);
          it.unpin(conditionalGenerator.network());
        } else {
          conditionalCriticStage(it.stage(), b, hl, false, losses);
        }
      }
      if (spec.optimizer().conditionalOverlap()) {
        it.pin(conditionalGenerator.network(), generatorAtStart);
      }
    }
    if (encoder != null) {
      imputerStage(it.stage(), b, losses);
    }
    if (imputationCritic != null) {
      imputationCriticStage(it.stage(), b, false, losses);
    }
    if (classifier != null) {
      classifierStage(it.stage(), b, losses);
    }
    if (!averageVariables.isEmpty()) {
      return averageStage(it.afterUpdates());
    }
    return it.done();
  }

  /**
   * w̄ ← w̄ − (w̄ − w) / n for every weight, after the iteration's updates, n = averagingEpochs ·
   * iterations per epoch (at least 1).
   */
  private Op averageStage(Ops tf) {
    double n = Math.max(1, spec.optimizer().averagingEpochs() * spec.iterationsPerEpoch());
    Operand<TFloat32> rate = tf.constant((float) (1 / n));
    List<Op> updates = new ArrayList<>();
    int i = 0;
    for (Network<TFloat32> net : servedNetworks()) {
      for (ResourceVariable<TFloat32> v : net.variables()) {
        ResourceVariable<TFloat32> a = averageVariables.get(i++);
        updates.add(tf.assignSubVariableOp(a.handle(), tf.math.mul(rate, tf.math.sub(a.read(tf), v.read(tf)))));
      }
    }
    return tf.withControlDependencies(updates).noOp();
  }

  /** The critics' warm-up stages (gradient penalties only); null when there is no critic. */
  Op buildWarmup(Ops tf, Map<String, List<Operand<TFloat32>>> losses) {
    IterationScope it = new IterationScope(tf);
    Batch b = sampleBatch(tf);
    if (imputationCritic != null) {
      imputationCriticStage(it.stage(), b, true, losses);
    }
    if (conditionalCritic != null) {
      Stage stage = it.stage();
      conditionalCriticStage(stage, b, labeledHidden(stage, b), true, losses);
    }
    return it.done();
  }

  // ---------------------------------------------------------------- snapshots and inference

  /** Shadow copies of every weight, kept at the best epoch: the ops that save and restore them. */
  void buildSnapshot(Ops tf, List<Op> save, List<Op> restore) {
    Ops init = tf.withInitScope();
    for (Network<TFloat32> n : networks()) {
      for (ResourceVariable<TFloat32> v : n.variables()) {
        ResourceVariable<TFloat32> best = ResourceVariable.create(tf, VariableSaver.BEST_PREFIX + v.name(), v.type(), v.shape(),
            init.zeros(init.constant(v.shape()), v.type()));
        bestVariables.add(best);
        save.add(tf.assignVariableOp(best.handle(), v.read(tf)));
        restore.add(tf.assignVariableOp(v.handle(), best.read(tf)));
      }
    }
  }

  /** The weight averages of the served networks: the ops that start and swap them. */
  void buildAverages(Ops tf, List<Op> start, List<Op> swap) {
    Ops init = tf.withInitScope();
    for (Network<TFloat32> n : servedNetworks()) {
      for (ResourceVariable<TFloat32> v : n.variables()) {
        ResourceVariable<TFloat32> a = ResourceVariable.create(tf, VariableSaver.AVERAGE_PREFIX + v.name(), v.type(),
            v.shape(), init.zeros(init.constant(v.shape()), v.type()));
        averageVariables.add(a);
        start.add(tf.assignVariableOp(a.handle(), v.read(tf)));
        // Both reads complete before either write.
        Operand<TFloat32> weights = v.read(tf);
        Operand<TFloat32> average = a.read(tf);
        Ops afterReads = tf.withControlDependencies(List.of(weights, average));
        swap.add(afterReads.assignVariableOp(v.handle(), average));
        swap.add(afterReads.assignVariableOp(a.handle(), weights));
      }
    }
  }

  /**
   * This member's inference for the rows {@code x}, {@code m} and, with G_CG and non-null {@code
   * classIds}, rows generated for those classes: every output averaged over the noise draws.
   */
  Outputs buildInference(Ops tf, Placeholder<TFloat32> x, Placeholder<TFloat32> m, Placeholder<TInt32> classIds) {
    int d = spec.features();
    int draws = spec.imputationDraws();
    Operand<TFloat32> xs = Draws.stack(tf, x, draws);
    Operand<TFloat32> ms = Draws.stack(tf, m, draws);
    Operand<TFloat32> observedX = tf.math.mul(ms, xs);
    Operand<TFloat32> missing = tf.math.sub(tf.onesLike(ms), ms);
    Operand<TFloat32> z = tf.random.randomUniform(tf.shape(xs), F, inferenceSeeds.uniform());
    if (spec.losses().missingNoiseScale() != 1.0) {
      z = tf.math.mul(z, tf.constant((float) spec.losses().missingNoiseScale()));
    }
    if (hasFill()) {
      z = tf.math.add(z, tf.constant(toFloats(spec.missingFill())));
    }
    Operand<TFloat32> noisy = tf.math.add(observedX, tf.math.mul(missing, z));
    Operand<TFloat32> xHat = noisy;
    Operand<TFloat32> raw = null;
    Operand<TFloat32> hidden = null;
    if (encoder != null) {
      // As the serving graph: with several draws, each hides its own share of the observed cells.
      Operand<TFloat32> seen = ms;
      if (draws > 1 && spec.losses().inputDropout() > 0) {
        Operand<TFloat32> keep = tf.dtypes.cast(tf.math.greaterEqual(
            tf.random.randomUniform(tf.shape(xs), F, inferenceSeeds.uniform()),
            tf.constant((float) spec.losses().inputDropout())), F);
        seen = tf.math.mul(ms, keep);
      }
      Operand<TFloat32> encoderInput = MaskBlend.of(tf, seen, xs, z);
      // E's extra inputs depend on the observed cells alone: computed once per row, not per draw.
      Operand<TFloat32> once = spec.encoderInputs().ofObserved(tf, x, m, F);
      Operand<TFloat32> h = encoder.encode(tf, encoder.network().read(tf), encoderInput, seen,
          once == null ? null : Draws.stack(tf, once, draws));
      Operand<TFloat32> xBar = imputationGenerator.generate(tf, imputationGenerator.network().read(tf), h, observedX,
          ms, seen);
      xHat = tf.math.add(observedX, tf.math.mul(missing, xBar));
      raw = Draws.mean(tf, xBar, draws, d);
      hidden = Draws.mean(tf, h, draws, arch.latentDim());
    }
    Operand<TFloat32> imputed = Draws.mean(tf, xHat, draws, d);
    Operand<TFloat32> probabilities = null;
    if (classifier != null) {
      Operand<TFloat32> p = tf.nn.softmax(classifier.logits(tf, classifier.network().read(tf), xHat));
      probabilities = Draws.mean(tf, p, draws, spec.classes());
    }
    Operand<TFloat32> generated = null;
    Operand<TFloat32> conditionalHidden = null;
    if (conditionalGenerator != null && classIds != null) {
      Operand<TFloat32> y = tf.oneHot(classIds, tf.constant(spec.classes()), tf.constant(1f), tf.constant(0f));
      Operand<TInt32> noiseShape = tf.concat(List.of(tf.shape.size(classIds, tf.constant(0)),
          tf.constant(new int[] {conditionalGenerator.noiseDim()})), tf.constant(0));
      Operand<TFloat32> zc = tf.random.randomUniform(noiseShape, F, inferenceSeeds.uniform());
      Operand<TFloat32> hc = conditionalGenerator.generate(tf, conditionalGenerator.network().read(tf), zc, y);
      generated = imputationGenerator.generate(tf, imputationGenerator.network().read(tf), hc, null, null, null);
      conditionalHidden = hc;
    }
    return new Outputs(imputed, probabilities, generated, raw, hidden, conditionalHidden);
  }
}
