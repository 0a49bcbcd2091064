package io.hexagan.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.DeviceSpec;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * The whole of HexaGAN in one static graph: the six networks, every loss of the paper's equations
 * 1–15, the RMSprop updates, the training data, and the inference endpoints. With {@link
 * Architecture#members()} = K > 1 the graph holds K members ({@link HexaGanMember}), each with its
 * own six networks and seeds, trained side by side by the same ops; inference averages their
 * imputations and class probabilities (an ensemble), {@code generated} and the hidden vectors are
 * member 0's, and the losses read are the members' means.
 *
 * <p>One training iteration is one op, {@link #trainIteration()}: it samples a batch inside the
 * graph, then runs the authors' update order, {@code conditionalUpdates × (G_CG, D_CG)}, then E
 * with G_MI, then D_MI, then C, each stage reading every network as that order leaves it; stages
 * that do not depend on each other's updates run side by side (the imputer's beside the
 * conditional updates). It feeds nothing and fetches nothing; the losses are summed into a variable
 * that the trainer reads once per epoch. {@link #warmupIteration()} is the critics' warm-up, in
 * which D_MI and D_CG minimise only their gradient penalties.
 *
 * <p>Data are loaded once with {@link #dataFeed()}: labelled rows first, then unlabelled rows,
 * values scaled to [0,1] and 0 where missing.
 */
public final class HexaGanGraph {

  /**
   * The learning rates' scale variable's name (and checkpoint key). Checkpoints of builds before
   * stop 30 lack it; {@code save/restore_required} restores everything else.
   */
  public static final String RATE_SCALE = "train/rate_scale";

  /** Loss names, in the order of {@link #lossSums()}. */
  public static final String CRITIC_IMPUTATION = "critic_imputation";
  public static final String PENALTY_IMPUTATION = "penalty_imputation";
  public static final String GENERATOR_IMPUTATION = "generator_imputation";
  public static final String RECONSTRUCTION = "reconstruction";
  /** ½Σ‖W‖² over E's and G_MI's matrices, reported when their weight decay is on. */
  public static final String IMPUTER_WEIGHT_NORM = "imputer_weight_norm";
  public static final String GENERATOR_CONDITIONAL = "generator_conditional";
  public static final String CRITIC_CONDITIONAL = "critic_conditional";
  public static final String PENALTY_CONDITIONAL = "penalty_conditional";
  public static final String CROSS_ENTROPY_GENERATED = "cross_entropy_generated";
  public static final String CLASSIFIER_CROSS_ENTROPY = "classifier_cross_entropy";
  public static final String CLASSIFIER_ADVERSARIAL = "classifier_adversarial";
  /** Σ|W₁| over C's first weight matrix, reported when its L1 weight is on. */
  public static final String CLASSIFIER_INPUT_L1 = "classifier_input_l1";

  /**
   * Sets the factor every learning rate is multiplied by ({@link #rateScale()}): feed the new
   * scale, run {@code assign}.
   */
  public record RateScaleFeed(Placeholder<TFloat32> scale, Op assign) {}

  /** The data loaded into the graph's variables, fed once. */
  public record DataFeed(
      Placeholder<TFloat32> values, Placeholder<TFloat32> mask, Placeholder<TFloat32> labels, Op load) {}

  /**
   * The inference endpoints, in the scaled [0,1] space. With several members, {@code imputed},
   * {@code probabilities} and {@code raw} are the members' mean; {@code generated}, {@code hidden}
   * and {@code conditionalHidden} are member 0's (each member has its own hidden space).
   *
   * @param values placeholder x [rows, d], any value where missing
   * @param mask placeholder m [rows, d], 1 observed and 0 missing
   * @param imputed x̂ averaged over the noise draws [rows, d]
   * @param probabilities C(x̂) averaged over the draws [rows, n_c], or null without a label
   * @param classIds placeholder of the classes to generate [rows], or null without G_CG
   * @param generated G_MI(G_CG(z_c, y_c)) [rows, d], or null without G_CG
   * @param raw x̄ = G_MI(h), G_MI's output for every cell before x̂ keeps the observed ones, averaged
   *     over the draws [rows, d], or null without G_MI
   * @param hidden h = E(x̃, m) averaged over the draws [rows, d_h], or null without E
   * @param conditionalHidden h_c = G_CG(z_c, y_c) [rows, d_h], the hidden vectors of {@code
   *     generated}, or null without G_CG
   */
  public record Inference(
      Placeholder<TFloat32> values, Placeholder<TFloat32> mask, Operand<TFloat32> imputed,
      Operand<TFloat32> probabilities, Placeholder<TInt32> classIds, Operand<TFloat32> generated,
      Operand<TFloat32> raw, Operand<TFloat32> hidden, Operand<TFloat32> conditionalHidden) {}

  private static final Class<TFloat32> F = TFloat32.class;

  private final GraphSpec spec;
  private final Architecture.Resolved arch;
  /** Member 0 first; one member unless {@link Architecture#members()} asks for more. */
  private final List<HexaGanMember> members = new ArrayList<>();

  private final HexaGanMember.SharedData data;
  private final ResourceVariable<TInt64> step;
  private final ResourceVariable<TFloat32> rateScale;
  private final Operand<TFloat32> rateScaleRead;
  private final RateScaleFeed rateScaleFeed;
  private final ResourceVariable<TFloat32> lossSums;
  private final ResourceVariable<TInt64> firstNonFinite;
  private final Operand<TFloat32> lossSumsRead;
  private final Operand<TInt64> firstNonFiniteRead;
  private final Operand<TInt64> stepRead;
  private final List<String> lossNames;
  private final DataFeed dataFeed;
  private final Op trainIteration;
  private final Op warmupIteration;
  private final Op resetLosses;
  private final Op snapshot;
  private final Op restoreSnapshot;
  private final Op startAverage;
  private final Op swapAverage;
  private final Inference inference;

  private HexaGanGraph(Graph graph, GraphSpec spec, String device) {
    SecondOrderGradients.register();
    this.spec = spec;
    this.arch = spec.architecture().resolve(spec.features()).withFusedRelu();
    Ops base = Ops.create(graph);
    Ops root = device.isEmpty() ? base : base.withDevice(deviceSpec(device));
    int d = spec.features();
    int nc = spec.classes();

    Ops dataScope = root.withSubScope("data");
    ResourceVariable<TFloat32> values = ResourceVariable.uninitialized(dataScope, "data/values", F, Shape.of(spec.rows(), d));
    ResourceVariable<TFloat32> mask = ResourceVariable.uninitialized(dataScope, "data/mask", F, Shape.of(spec.rows(), d));
    ResourceVariable<TFloat32> labels = ResourceVariable.uninitialized(dataScope, "data/labels", F,
        Shape.of(Math.max(spec.labeledRows(), 1), Math.max(nc, 1)));
    ResourceVariable<TFloat32> encoderInputs = spec.hasImputationGenerator() && !arch.convolutional()
        && spec.encoderInputs().count() > 0
        ? ResourceVariable.uninitialized(dataScope, "data/encoder_inputs", F,
            Shape.of(spec.rows(), spec.encoderInputs().count()))
        : null;
    Ops init = root.withInitScope();
    step = ResourceVariable.create(root, "train/step", TInt64.class, Shape.scalar(), init.constant(0L));
    rateScale = ResourceVariable.create(root, RATE_SCALE, F, Shape.scalar(), init.constant(1f));
    data = new HexaGanMember.SharedData(values, mask, labels, encoderInputs, step, rateScale);
    for (int k = 0; k < arch.members(); k++) {
      members.add(new HexaGanMember(k == 0 ? root : root.withSubScope("member" + k), spec, arch, k, data));
    }
    dataFeed = buildDataFeed(dataScope);

    lossNames = members.get(0).lossNames();
    int k = lossNames.size();
    lossSums = ResourceVariable.create(root, "train/loss_sums", F, Shape.of(k), init.zeros(init.constant(new long[] {k}), F));
    firstNonFinite = ResourceVariable.create(root, "train/first_non_finite", TInt64.class, Shape.of(k),
        init.fill(init.constant(new long[] {k}), init.constant(-1L)));
    Ops reads = root.withSubScope("train");
    lossSumsRead = lossSums.read(reads);
    firstNonFiniteRead = firstNonFinite.read(reads);
    stepRead = step.read(reads);
    rateScaleRead = rateScale.read(reads);
    Placeholder<TFloat32> newScale = reads.withName("rate_scale_feed").placeholder(F, Placeholder.shape(Shape.scalar()));
    rateScaleFeed = new RateScaleFeed(newScale,
        reads.withName("set_rate_scale").assignVariableOp(rateScale.handle(), newScale));
    resetLosses = root.withSubScope("train").withName("reset_losses").assignVariableOp(
        lossSums.handle(), root.zeros(root.constant(new long[] {k}), F));

    List<Op> start = new ArrayList<>();
    List<Op> swap = new ArrayList<>();
    if (spec.optimizer().averaging()) {
      Ops averages = root.withSubScope("average");
      members.forEach(m -> m.buildAverages(averages, start, swap));
    }
    startAverage = start.isEmpty() ? null : root.withControlDependencies(start).withName("start_average").noOp();
    swapAverage = swap.isEmpty() ? null : root.withControlDependencies(swap).withName("swap_average").noOp();
    trainIteration = buildIteration(root.withSubScope("iteration"), false);
    warmupIteration = buildIteration(root.withSubScope("warmup"), true);
    List<Op> save = new ArrayList<>();
    List<Op> restore = new ArrayList<>();
    Ops best = root.withSubScope("best");
    members.forEach(m -> m.buildSnapshot(best, save, restore));
    snapshot = root.withControlDependencies(save).withName("snapshot_best").noOp();
    restoreSnapshot = root.withControlDependencies(restore).withName("restore_best").noOp();
    inference = buildInference(root.withSubScope("inference"));
    VariableSaver.build(root, checkpointVariables(), List.of(rateScale));
  }

  /** Builds the graph for {@code spec} into {@code graph}, placed by TensorFlow. */
  public static HexaGanGraph build(Graph graph, GraphSpec spec) {
    return new HexaGanGraph(graph, spec, "");
  }

  /**
   * Builds the graph for {@code spec} into {@code graph}, every op on {@code device} (such as
   * {@code /device:GPU:0}; empty for TensorFlow's placement).
   */
  public static HexaGanGraph build(Graph graph, GraphSpec spec, String device) {
    return new HexaGanGraph(graph, spec, device);
  }

  /** Parses {@code CPU}, {@code GPU:1} or {@code /device:GPU:1}. */
  static DeviceSpec deviceSpec(String device) {
    String d = device.startsWith("/device:") ? device.substring("/device:".length()) : device;
    String[] parts = d.split(":");
    DeviceSpec.DeviceType type;
    try {
      type = DeviceSpec.DeviceType.valueOf(parts[0].toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("device: expected CPU, GPU, CPU:n or GPU:n, found " + device, e);
    }
    DeviceSpec.Builder b = DeviceSpec.newBuilder().deviceType(type);
    if (parts.length > 1) {
      try {
        b.deviceIndex(Integer.parseInt(parts[1]));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("device: expected a device index after ':', found " + device, e);
      }
    }
    return b.build();
  }

  // ---------------------------------------------------------------- endpoints

  public GraphSpec spec() {
    return spec;
  }

  /** Widths actually used. */
  public Architecture.Resolved architecture() {
    return arch;
  }

  public DataFeed dataFeed() {
    return dataFeed;
  }

  /** One full training iteration: the only op a training step runs. */
  public Op trainIteration() {
    return trainIteration;
  }

  /** One warm-up iteration of the critics (gradient penalties only). */
  public Op warmupIteration() {
    return warmupIteration;
  }

  /** Sums of each loss since the last {@link #resetLosses()}, in the order of {@link #lossNames()}. */
  public Operand<TFloat32> lossSums() {
    return lossSumsRead;
  }

  /** Per loss, the first iteration whose value was NaN or infinite, or −1. */
  public Operand<TInt64> firstNonFinite() {
    return firstNonFiniteRead;
  }

  /** The number of iterations run so far (warm-up included). */
  public Operand<TInt64> step() {
    return stepRead;
  }

  public Op resetLosses() {
    return resetLosses;
  }

  /**
   * The factor every learning rate is multiplied by, 1 until the trainer lowers it on a validation
   * plateau ({@link io.hexagan.training.Schedule#plateauEpochs()}); saved with the checkpoint.
   */
  public Operand<TFloat32> rateScale() {
    return rateScaleRead;
  }

  public RateScaleFeed rateScaleFeed() {
    return rateScaleFeed;
  }

  /** The losses this graph computes, in the order of {@link #lossSums()}. */
  public List<String> lossNames() {
    return lossNames;
  }

  /** Copies every network's weights into the "best" shadow variables. */
  public Op snapshot() {
    return snapshot;
  }

  /** Copies the "best" shadow variables back into the networks. */
  public Op restoreSnapshot() {
    return restoreSnapshot;
  }

  /** Sets every weight average to the current weights; null without averaging. */
  public Op startAverage() {
    return startAverage;
  }

  /**
   * Exchanges every network's weights with their moving averages (its own inverse); null without
   * averaging.
   */
  public Op swapAverage() {
    return swapAverage;
  }

  public Inference inference() {
    return inference;
  }

  /** The networks of member 0 (of the only member unless the graph is an ensemble), in a fixed order. */
  public List<Network<TFloat32>> networks() {
    return members.get(0).networks();
  }

  /** The networks of every member, member 0's first. */
  public List<Network<TFloat32>> allNetworks() {
    List<Network<TFloat32>> all = new ArrayList<>();
    members.forEach(m -> all.addAll(m.networks()));
    return all;
  }

  /** Member 0's D_MI, or null when absent. */
  public ImputationCritic<TFloat32> imputationCritic() {
    return members.get(0).imputationCritic();
  }

  /**
   * Everything a resumed run restores, saved by the graph's {@link VariableSaver}: every member's
   * networks, optimizer slots, best-epoch snapshot and weight averages, the step and the learning
   * rates' scale (not the training data, which is fed again).
   */
  public List<ResourceVariable<?>> checkpointVariables() {
    List<ResourceVariable<?>> all = new ArrayList<>();
    members.forEach(m -> all.addAll(m.checkpointVariables()));
    all.add(step);
    all.add(rateScale);
    return all;
  }

  /**
   * E's extra inputs of every training row's observed cells, computed when the data are loaded
   * (null when E reads none); each batch gathers its rows' from it.
   */
  ResourceVariable<TFloat32> encoderInputsTable() {
    return data.encoderInputs();
  }

  /** The optimizer slots of every member's networks (state a resumed run restores). */
  public List<ResourceVariable<TFloat32>> optimizerSlots() {
    List<ResourceVariable<TFloat32>> all = new ArrayList<>();
    members.forEach(m -> all.addAll(m.optimizerSlots()));
    return all;
  }

  // ---------------------------------------------------------------- data

  private DataFeed buildDataFeed(Ops tf) {
    Placeholder<TFloat32> x = tf.withName("values").placeholder(F, Placeholder.shape(data.values().shape()));
    Placeholder<TFloat32> m = tf.withName("mask").placeholder(F, Placeholder.shape(data.mask().shape()));
    Placeholder<TFloat32> y = tf.withName("labels").placeholder(F, Placeholder.shape(data.labels().shape()));
    List<Op> loads = new ArrayList<>(List.of(
        tf.assignVariableOp(data.values().handle(), x),
        tf.assignVariableOp(data.mask().handle(), m),
        tf.assignVariableOp(data.labels().handle(), y)));
    if (data.encoderInputs() != null) {
      // Computed once here rather than in every stage of every iteration: they depend on the
      // observed cells alone, and a batch's rows are gathered with them.
      loads.add(tf.assignVariableOp(data.encoderInputs().handle(), spec.encoderInputs().ofObserved(tf, x, m, F)));
    }
    return new DataFeed(x, m, y, tf.withControlDependencies(loads).withName("load").noOp());
  }

  // ---------------------------------------------------------------- iteration

  /**
   * One iteration (or warm-up iteration) of every member: their stage chains run side by side, and
   * the losses added to the sums are the members' means.
   */
  private Op buildIteration(Ops tf, boolean warmup) {
    Map<String, List<Operand<TFloat32>>> losses = new LinkedHashMap<>();
    List<Op> lasts = new ArrayList<>();
    for (HexaGanMember m : members) {
      Op last = warmup ? m.buildWarmup(tf, losses) : m.buildIteration(tf, losses);
      if (last != null) {
        lasts.add(last);
      }
    }
    Op last = lasts.isEmpty() ? null : lasts.size() == 1 ? lasts.get(0) : tf.withControlDependencies(lasts).noOp();
    return finish(tf, last, losses);
  }

  /** Adds the iteration's losses to the sums, records non-finite ones, and advances the step. */
  private Op finish(Ops tf, Op last, Map<String, List<Operand<TFloat32>>> losses) {
    Ops after = last == null ? tf : tf.withControlDependencies(List.of(last));
    List<Operand<TFloat32>> values = new ArrayList<>();
    for (String name : lossNames) {
      List<Operand<TFloat32>> list = losses.get(name);
      values.add(list == null ? after.constant(0f) : Members.mean(after, list));
    }
    Operand<TFloat32> vector = after.stack(values);
    Operand<TInt64> current = step.read(after);
    Operand<TInt64> bad = firstNonFinite.read(after);
    Operand<TInt64> updatedBad = after.select(
        after.math.logicalAnd(after.math.less(bad, after.constant(0L)), after.math.logicalNot(after.math.isFinite(vector))),
        after.fill(after.constant(new int[] {lossNames.size()}), current), bad);
    Op track = after.assignVariableOp(firstNonFinite.handle(), updatedBad);
    Op accumulate = after.assignAddVariableOp(lossSums.handle(), vector);
    Op advance = after.withControlDependencies(List.of(track, accumulate))
        .assignAddVariableOp(step.handle(), after.constant(1L));
    return tf.withControlDependencies(List.of(advance)).withName("done").noOp();
  }

  // ---------------------------------------------------------------- inference

  private Inference buildInference(Ops tf) {
    int d = spec.features();
    Placeholder<TFloat32> x = tf.withName("values").placeholder(F, Placeholder.shape(Shape.of(-1, d)));
    Placeholder<TFloat32> m = tf.withName("mask").placeholder(F, Placeholder.shape(Shape.of(-1, d)));
    Placeholder<TInt32> classIds = spec.hasConditionalGenerator()
        ? tf.withName("class_ids").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1))) : null;
    List<HexaGanMember.Outputs> outs = new ArrayList<>();
    for (HexaGanMember member : members) {
      // Only member 0 generates: a member's G_MI decodes only its own G_CG's hidden space.
      outs.add(member.buildInference(tf, x, m, member == members.get(0) ? classIds : null));
    }
    HexaGanMember.Outputs first = outs.get(0);
    return new Inference(x, m, meanOverMembers(tf, outs, HexaGanMember.Outputs::imputed),
        meanOverMembers(tf, outs, HexaGanMember.Outputs::probabilities), classIds, first.generated(),
        meanOverMembers(tf, outs, HexaGanMember.Outputs::raw), first.hidden(), first.conditionalHidden());
  }

  /** The members' mean of one output; null when the graph has no such output. */
  private static Operand<TFloat32> meanOverMembers(Ops tf, List<HexaGanMember.Outputs> outs,
      java.util.function.Function<HexaGanMember.Outputs, Operand<TFloat32>> output) {
    if (output.apply(outs.get(0)) == null) {
      return null;
    }
    return Members.mean(tf, outs.stream().map(output).toList());
  }
}
