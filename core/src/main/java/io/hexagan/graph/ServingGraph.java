package io.hexagan.graph;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.PlaceholderWithDefault;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * The graph a trained model serves: E, G_MI, G_CG and C only (no critics, no optimizer state, no
 * training data), with min-max scaling inside the graph so that its inputs and outputs are in the
 * table's original units. Its variables carry the training graph's names, so it restores them
 * from a training checkpoint ({@link VariableSaver}).
 *
 * <p>Endpoints (the SavedModel signatures): {@code impute(x, mask) → x_imputed}, {@code
 * classify(x, mask) → probabilities, class_ids}, {@code generate(class_ids) → x}. Noise is drawn
 * inside the graph: by default from stateful seeded ops (each call new noise); when the optional
 * {@link #seed()} input is fed with two non-negative numbers, from stateless ops keyed by it, so
 * that the same seed gives the same output.
 */
public final class ServingGraph {

  /**
   * What the serving graph needs to know.
   *
   * @param features d (encoded feature columns)
   * @param classes n_c, 0 without a label
   * @param architecture the widths the model was trained with
   * @param imputationGenerator whether E and G_MI exist (else missing cells keep their noise)
   * @param conditionalGenerator whether G_CG exists
   * @param missingNoiseScale z ~ U(0, s) in missing slots
   * @param imputationDraws noise draws averaged per row
   * @param min per feature, the scaler's minimum
   * @param span per feature, the scaler's span (0 for a constant feature)
   * @param seed seed of the stateful noise ops
   * @param missingFill per feature, the scaled value a missing slot holds before the noise
   * @param inputDropout with several draws, the share of observed cells each draw hides from E
   * @param encoderInputs what E reads beyond (x̃, m); null reads as none
   * @param refinement chained linear regressions over the imputation (draws and members averaged),
   *     or null: none
   * @param forests random forests over the imputation (the same, before the regressions), writing
   *     columns the regressions leave alone, or null: none
   * @param classifierForest a forest classifier over the served imputation whose probabilities
   *     replace C's, or null: C's
   */
  public record Spec(
      int features, int classes, Architecture.Resolved architecture, boolean imputationGenerator,
      boolean conditionalGenerator, double missingNoiseScale, int imputationDraws, double[] min,
      double[] span, long seed, double[] missingFill, double inputDropout, EncoderInputs encoderInputs,
      LinearRefinement refinement, ForestRefinement forests, ClassifierForest classifierForest) {
    public Spec {
      if (classifierForest != null && (classifierForest.features() != features || classifierForest.classes() != classes)) {
        throw new IllegalArgumentException("classifier forest: expected " + features + " columns and " + classes
            + " classes, found " + classifierForest.features() + " and " + classifierForest.classes());
      }
      if (forests != null && forests.features() != features) {
        throw new IllegalArgumentException("forests: expected " + features + " columns, found " + forests.features());
      }
      if (forests != null && forests.inputs() > 0 && forests.inputs() != classes) {
        throw new IllegalArgumentException("forests: expected to read the " + classes + " classes, found "
            + forests.inputs() + " inputs");
      }
      if (refinement != null && refinement.features() != features) {
        throw new IllegalArgumentException("refinement: expected " + features + " columns, found " + refinement.features());
      }
      encoderInputs = encoderInputs == null ? EncoderInputs.NONE : encoderInputs;
      if (min.length != features || span.length != features) {
        throw new IllegalArgumentException("scaler: expected " + features + " columns, found " + min.length);
      }
      min = min.clone();
      span = span.clone();
      missingFill = missingFill == null ? new double[features] : missingFill.clone();
      if (missingFill.length != features) {
        throw new IllegalArgumentException("missingFill: expected " + features + " values, found " + missingFill.length);
      }
    }

    /**
     * This spec with the imputation refined by regressions {@code r} and forests {@code f}, and the
     * probabilities from the forest classifier {@code k} (null: none, and C's).
     */
    public Spec withRefinement(LinearRefinement r, ForestRefinement f, ClassifierForest k) {
      return new Spec(features, classes, architecture, imputationGenerator, conditionalGenerator, missingNoiseScale,
          imputationDraws, min, span, seed, missingFill, inputDropout, encoderInputs, r, f, k);
    }
  }

  /** Input and output names of the signatures. */
  public static final String INPUT_X = "x";
  public static final String INPUT_MASK = "mask";
  public static final String INPUT_CLASS_IDS = "class_ids";
  public static final String OUTPUT_IMPUTED = "x_imputed";
  public static final String OUTPUT_PROBABILITIES = "probabilities";
  public static final String OUTPUT_CLASS_IDS = "class_ids";
  public static final String OUTPUT_GENERATED = "x";
  /** Op (not a signature output) of h = E(x̃, m), averaged over the draws: for pictures of the hidden space. */
  public static final String HIDDEN_OP = "serving/hidden";
  /** Op (not a signature output) of h_c = G_CG(z_c, y_c) of {@link #classIds()}. */
  public static final String CONDITIONAL_HIDDEN_OP = "serving/conditional_hidden";

  private static final Class<TFloat32> F = TFloat32.class;

  private final Spec spec;
  private final List<ResourceVariable<TFloat32>> variables = new ArrayList<>();
  private final GraphArrays.Stored arrays = GraphArrays.stored();
  private final Placeholder<TFloat32> x;
  private final Placeholder<TFloat32> mask;
  private final PlaceholderWithDefault<TInt64> seed;
  private final Operand<TFloat32> imputed;
  private final Operand<TFloat32> probabilities;
  private final Operand<TInt64> predicted;
  private final Placeholder<TInt64> classIds;
  private final Operand<TFloat32> generated;

  /** One ensemble member's served networks (null where absent; G_CG in member 0 only) and its noise seeds. */
  private record Member(
      Encoder<TFloat32> encoder, ImputationGenerator<TFloat32> generator, ConditionalGenerator<TFloat32> conditional,
      Classifier<TFloat32> classifier, SeedStream seeds, long stream) {}

  private ServingGraph(Graph graph, Spec spec) {
    this.spec = spec;
    Ops root = Ops.create(graph);
    Architecture.Resolved arch = spec.architecture();
    int d = spec.features();
    int nc = spec.classes();
    List<Member> members = new ArrayList<>();
    for (int k = 0; k < arch.members(); k++) {
      // Member 0's seeds are the model's seed, as before ensembles; each member has its own noise streams.
      SeedStream seeds = new SeedStream(Members.seed(spec.seed(), k));
      String prefix = Members.prefix(k);
      Encoder<TFloat32> encoder = null;
      ImputationGenerator<TFloat32> generator = null;
      if (spec.imputationGenerator()) {
        encoder = Encoder.create(root, prefix, F, d, arch, spec.encoderInputs(), seeds);
        generator = ImputationGenerator.create(root, prefix, F, d, arch, seeds, null);
        variables.addAll(encoder.network().variables());
        variables.addAll(generator.network().variables());
      }
      ConditionalGenerator<TFloat32> conditional = null;
      // Only member 0 generates (a member's G_MI decodes only its own G_CG's hidden space).
      if (spec.conditionalGenerator() && k == 0) {
        conditional = ConditionalGenerator.create(root, prefix, F, nc, arch, seeds);
        variables.addAll(conditional.network().variables());
      }
      Classifier<TFloat32> classifier = null;
      if (nc > 0) {
        classifier = Classifier.create(root, prefix, F, d, nc, arch, seeds);
        variables.addAll(classifier.network().variables());
      }
      members.add(new Member(encoder, generator, conditional, classifier, seeds, 3L * k));
    }
    Ops tf = root.withSubScope("serving");
    x = tf.withName(INPUT_X).placeholder(F, Placeholder.shape(Shape.of(-1, d)));
    mask = tf.withName(INPUT_MASK).placeholder(F, Placeholder.shape(Shape.of(-1, d)));
    seed = tf.withName("seed").placeholderWithDefault(tf.constant(new long[] {-1, -1}), Shape.of(2));
    Operand<TFloat32> min = tf.constant(toFloats(spec.min()));
    // A constant column has span 0: it scales by 1 and every output maps back to its constant.
    Operand<TFloat32> span = tf.constant(toFloats(spec.span()));
    double[] divisors = spec.span().clone();
    for (int c = 0; c < divisors.length; c++) {
      divisors[c] = divisors[c] > 0 ? divisors[c] : 1.0;
    }
    Operand<TFloat32> divisor = tf.constant(toFloats(divisors));
    Operand<TBool> isObserved = tf.math.greater(mask, tf.constant(0f));
    Operand<TFloat32> observed = tf.dtypes.cast(isObserved, F);
    // Missing cells may hold anything, NaN included: select, never multiply, them away.
    Operand<TFloat32> clean = tf.select(isObserved, x, tf.constant(0f));
    Operand<TFloat32> scaled = tf.math.mul(tf.math.div(tf.math.sub(clean, min), divisor), observed);

    int draws = spec.imputationDraws();
    Operand<TFloat32> xs = Draws.stack(tf, scaled, draws);
    Operand<TFloat32> ms = Draws.stack(tf, observed, draws);
    Operand<TFloat32> missing = tf.math.sub(tf.onesLike(ms), ms);
    Operand<TFloat32> observedX = tf.math.mul(ms, xs);
    // E's extra inputs depend on the observed cells alone: computed once per row, not per draw or member.
    Operand<TFloat32> observedInputs = null;
    if (spec.imputationGenerator()) {
      Operand<TFloat32> once = spec.encoderInputs().ofObserved(tf, scaled, observed, F);
      observedInputs = once == null ? null : Draws.stack(tf, once, draws);
    }
    List<Operand<TFloat32>> memberImputations = new ArrayList<>();
    List<Operand<TFloat32>> memberProbabilities = new ArrayList<>();
    for (Member member : members) {
      Operand<TFloat32> z = noise(tf, tf.shape(xs), member.seeds(), member.stream());
      if (spec.missingNoiseScale() != 1.0) {
        z = tf.math.mul(z, tf.constant((float) spec.missingNoiseScale()));
      }
      z = tf.math.add(z, tf.constant(toFloats(spec.missingFill())));
      Operand<TFloat32> xHat = tf.math.add(observedX, tf.math.mul(missing, z));
      if (member.encoder() != null) {
        // With several draws and input dropout, each draw hides its own share of the observed cells
        // from E, as training did: the average is an ensemble over views of the row.
        Operand<TFloat32> seen = ms;
        if (draws > 1 && spec.inputDropout() > 0) {
          Operand<TFloat32> keep = tf.dtypes.cast(tf.math.greaterEqual(
              noise(tf, tf.shape(xs), member.seeds(), member.stream() + 2),
              tf.constant((float) spec.inputDropout())), F);
          seen = tf.math.mul(ms, keep);
        }
        Operand<TFloat32> encoderInput = MaskBlend.of(tf, seen, xs, z);
        Operand<TFloat32> h = member.encoder().encode(tf, member.encoder().network().read(tf), encoderInput, seen,
            observedInputs);
        Operand<TFloat32> xBar = member.generator().generate(tf, member.generator().network().read(tf), h, observedX,
            ms, seen);
        xHat = tf.math.add(observedX, tf.math.mul(missing, xBar));
        if (member == members.get(0)) {
          tf.withName("hidden").identity(Draws.mean(tf, h, draws, arch.latentDim()));
        }
      }
      memberImputations.add(Draws.mean(tf, xHat, draws, d));
      if (member.classifier() != null) {
        Operand<TFloat32> p = tf.nn.softmax(member.classifier().logits(tf, member.classifier().network().read(tf), xHat));
        memberProbabilities.add(Draws.mean(tf, p, draws, nc));
      }
    }
    Operand<TFloat32> meanHat = Members.mean(tf, memberImputations);
    Operand<TBool> missingCells = tf.math.logicalNot(isObserved);
    Operand<TFloat32> refined = meanHat;
    if (spec.refinement() != null) {
      refined = spec.refinement().build(tf, meanHat, missingCells);
    }
    // C's probabilities, whatever serves classify: forests that read the class weigh their classes by them.
    Operand<TFloat32> classifierMean = memberProbabilities.isEmpty() ? null : Members.mean(tf, memberProbabilities);
    if (spec.forests() != null) {
      refined = spec.forests().build(tf, arrays, meanHat, refined, missingCells,
          spec.forests().inputs() > 0 ? classifierMean : null);
    }
    meanHat = refined;
    Operand<TFloat32> unscaled = tf.math.add(min, tf.math.mul(meanHat, span));
    imputed = tf.withName(OUTPUT_IMPUTED).select(isObserved, x, unscaled);

    if (!memberProbabilities.isEmpty()) {
      Operand<TFloat32> p = spec.classifierForest() != null ? spec.classifierForest().build(tf, arrays, meanHat)
          : classifierMean;
      probabilities = tf.withName(OUTPUT_PROBABILITIES).identity(p);
      predicted = tf.withName("predicted_class_ids").math.argMax(probabilities, tf.constant(1), TInt64.class);
    } else {
      probabilities = null;
      predicted = null;
    }
    Member first = members.get(0);
    if (first.conditional() != null) {
      ConditionalGenerator<TFloat32> conditional = first.conditional();
      classIds = tf.withName(INPUT_CLASS_IDS).placeholder(TInt64.class, Placeholder.shape(Shape.of(-1)));
      Operand<TFloat32> y = tf.oneHot(classIds, tf.constant(nc), tf.constant(1f), tf.constant(0f));
      Operand<TInt32> noiseShape = tf.concat(List.of(tf.shape.size(classIds, tf.constant(0)),
          tf.constant(new int[] {conditional.noiseDim()})), tf.constant(0));
      Operand<TFloat32> zc = noise(tf, noiseShape, first.seeds(), 1L);
      Operand<TFloat32> hc = conditional.generate(tf, conditional.network().read(tf), zc, y);
      tf.withName("conditional_hidden").identity(hc);
      Operand<TFloat32> xc = first.generator().generate(tf, first.generator().network().read(tf), hc, null, null, null);
      generated = tf.withName("generated").math.add(min, tf.math.mul(xc, span));
    } else {
      classIds = null;
      generated = null;
    }
    List<ResourceVariable<?>> saved = new ArrayList<>(variables);
    saved.addAll(arrays.variables());
    VariableSaver.buildWithBest(root, saved, variables);
  }

  /** Builds the serving graph of {@code spec} into {@code graph}. */
  public static ServingGraph build(Graph graph, Spec spec) {
    return new ServingGraph(graph, spec);
  }

  /**
   * U(0,1) noise from one stateless draw, keyed by {@code seed + [0, stream]} when {@link #seed()}
   * is fed with non-negative values, and otherwise by a fresh key from a seeded stateful op (two
   * numbers per call): one full-size draw either way, where drawing both kinds and selecting one
   * made in-graph imputation 6–10% slower (docs/PERFORMANCE.md).
   */
  private Operand<TFloat32> noise(Ops tf, Operand<TInt32> shape, SeedStream seeds, long stream) {
    Operand<TInt64> fresh = tf.random.randomUniformInt(tf.constant(new int[] {2}), tf.constant(0L),
        tf.constant(Long.MAX_VALUE), seeds.uniformInt());
    Operand<TInt64> given = tf.math.add(seed, tf.constant(new long[] {0, stream}));
    Operand<TBool> seeded = tf.math.greaterEqual(
        tf.slice(seed, tf.constant(new int[] {0}), tf.constant(new int[] {1})), tf.constant(new long[] {0}));
    Operand<TInt64> key = tf.select(tf.reshape(seeded, tf.constant(new int[0])), given, fresh);
    return tf.random.statelessRandomUniform(shape, key, F);
  }

  private static float[] toFloats(double[] v) {
    float[] f = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      f[i] = (float) v[i];
    }
    return f;
  }

  public Spec spec() {
    return spec;
  }

  /**
   * The forests' nodes, held in variables that the SavedModel's checkpoint carries: assigned once
   * the session is initialised ({@link GraphArrays.Stored#assign}).
   */
  public GraphArrays.Stored arrays() {
    return arrays;
  }

  /** The variables served (restored from a checkpoint by name). */
  public List<ResourceVariable<TFloat32>> variables() {
    return List.copyOf(variables);
  }

  public Placeholder<TFloat32> x() {
    return x;
  }

  public Placeholder<TFloat32> mask() {
    return mask;
  }

  /** Optional int64 [2] input: non-negative values make the noise a function of this seed. */
  public PlaceholderWithDefault<TInt64> seed() {
    return seed;
  }

  public Operand<TFloat32> imputed() {
    return imputed;
  }

  /** Class probabilities, or null without a label. */
  public Operand<TFloat32> probabilities() {
    return probabilities;
  }

  /** Most probable class per row, or null without a label. */
  public Operand<TInt64> predictedClassIds() {
    return predicted;
  }

  /** Class ids to generate, or null without G_CG. */
  public Placeholder<TInt64> classIds() {
    return classIds;
  }

  /** Generated rows in original units, or null without G_CG. */
  public Operand<TFloat32> generated() {
    return generated;
  }
}
