package io.hexagan.savedmodel;

import io.hexagan.graph.ServingGraph;
import io.hexagan.graph.VariableSaver;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.io.file.PathUtils;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.TensorFlow;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.SaverDef;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.StepStats;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;

/**
 * A session on a serving graph, in-process after training or loaded from a SavedModel directory,
 * called through its signatures' tensor names. Inputs and outputs are row-major float arrays in
 * the table's original (encoded) units. Thread-safe: TensorFlow sessions run concurrent calls.
 */
public final class ServingModel implements AutoCloseable {
  /** Name of the optional seed input (not part of any signature). */
  static final String SEED_TENSOR = "serving/seed:0";

  private final Graph graph;
  private final Session session;
  private final SavedModelBundle bundle;
  private final Map<String, SignatureDef> signatures;
  private final int features;
  private final int classes;

  private ServingModel(Graph graph, Session session, SavedModelBundle bundle, Map<String, SignatureDef> signatures) {
    this.graph = graph;
    this.session = session;
    this.bundle = bundle;
    this.signatures = Map.copyOf(signatures);
    SignatureDef impute = signatures.get(ServingSignatures.IMPUTE);
    this.features = (int) impute.getInputsOrThrow(ServingGraph.INPUT_X).getTensorShape().getDim(1).getSize();
    SignatureDef classify = signatures.get(ServingSignatures.CLASSIFY);
    this.classes = classify == null ? 0
        : (int) classify.getOutputsOrThrow(ServingGraph.OUTPUT_PROBABILITIES).getTensorShape().getDim(1).getSize();
  }

  /**
   * Builds the serving graph of {@code spec} in this process and restores its weights from the
   * training checkpoint at {@code checkpointPrefix}: the snapshot of the best validation epoch
   * ({@code best/<name>} entries).
   */
  public static ServingModel restore(ServingGraph.Spec spec, String checkpointPrefix, ConfigProto config) {
    Graph graph = new Graph();
    try {
      ServingGraph serving = ServingGraph.build(graph, spec);
      Session session = new Session(graph, false, config);
      try (TString file = TString.scalarOf(checkpointPrefix)) {
        session.initialize(); // the initial values, then overwritten by the checkpoint
        session.runner().feed(VariableSaver.SCOPE + "/" + VariableSaver.FILENAME, file)
            .addTarget(VariableSaver.SCOPE + "/" + VariableSaver.RESTORE_BEST).run().close();
        serving.arrays().assign(session);
        return new ServingModel(graph, session, null, ServingSignatures.of(serving));
      } catch (RuntimeException e) {
        session.close();
        throw e;
      }
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  /** A serving graph with freshly initialised (untrained) weights: for benchmarks of its arithmetic. */
  public static ServingModel initialized(ServingGraph.Spec spec, ConfigProto config) {
    Graph graph = new Graph();
    try {
      ServingGraph serving = ServingGraph.build(graph, spec);
      Session session = new Session(graph, false, config);
      session.initialize();
      serving.arrays().assign(session);
      return new ServingModel(graph, session, null, ServingSignatures.of(serving));
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  /** Loads a SavedModel directory written by {@link #export}. */
  public static ServingModel load(Path dir, ConfigProto config) {
    SavedModelBundle bundle = SavedModelBundle.loader(dir.toString()).withTags(SavedModelBundle.DEFAULT_TAG)
        .withConfigProto(config).load();
    try {
      MetaGraphDef meta = bundle.metaGraphDef();
      if (!meta.getSignatureDefMap().containsKey(ServingSignatures.IMPUTE)) {
        throw new IllegalArgumentException(dir + ": not a hexagan model (no \"impute\" signature)");
      }
      return new ServingModel(null, bundle.session(), bundle, meta.getSignatureDefMap());
    } catch (RuntimeException e) {
      bundle.close();
      throw e;
    }
  }

  /** d, the number of (encoded) features. */
  public int features() {
    return features;
  }

  /** n_c, 0 for a model without a label. */
  public int classes() {
    return classes;
  }

  /** Whether the model generates rows (it has G_CG). */
  public boolean generates() {
    return signatures.containsKey(ServingSignatures.GENERATE);
  }

  /** The signatures by key. */
  public Map<String, SignatureDef> signatures() {
    return signatures;
  }

  /**
   * Imputes {@code rows} rows. {@code seed} null draws fresh noise; two non-negative numbers make
   * the result a function of the seed.
   */
  public float[] impute(float[] x, float[] mask, int rows, long[] seed) {
    SignatureDef sig = signatures.get(ServingSignatures.IMPUTE);
    try (TFloat32 xt = matrix(x, rows, features); TFloat32 mt = matrix(mask, rows, features);
        TInt64 st = seedTensor(seed); Result r = imputeRunner(sig, xt, mt, st).run()) {
      float[] out = new float[rows * features];
      ((TFloat32) r.get(0)).copyTo(DataBuffers.of(out, false, false));
      return out;
    }
  }

  /**
   * One {@link #impute} call under TensorFlow's full trace: the step statistics of every op it
   * ran (for profiling; the imputed rows are dropped).
   */
  public StepStats traceImpute(float[] x, float[] mask, int rows, long[] seed) {
    SignatureDef sig = signatures.get(ServingSignatures.IMPUTE);
    RunOptions options = RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE).build();
    try (TFloat32 xt = matrix(x, rows, features); TFloat32 mt = matrix(mask, rows, features);
        TInt64 st = seedTensor(seed); Result r = imputeRunner(sig, xt, mt, st).setOptions(options).runAndFetchMetadata()) {
      return r.getMetadata().orElseThrow(() -> new IllegalStateException("traced run returned no metadata"))
          .getStepStats();
    }
  }

  private Session.Runner imputeRunner(SignatureDef sig, TFloat32 x, TFloat32 mask, TInt64 seed) {
    return session.runner().feed(input(sig, ServingGraph.INPUT_X), x).feed(input(sig, ServingGraph.INPUT_MASK), mask)
        .feed(SEED_TENSOR, seed).fetch(output(sig, ServingGraph.OUTPUT_IMPUTED));
  }

  /** Class probabilities [rows, n_c], row-major. */
  public float[] classify(float[] x, float[] mask, int rows, long[] seed) {
    SignatureDef sig = requireSignature(ServingSignatures.CLASSIFY);
    try (TFloat32 xt = matrix(x, rows, features); TFloat32 mt = matrix(mask, rows, features);
        TInt64 st = seedTensor(seed);
        Result r = session.runner()
            .feed(input(sig, ServingGraph.INPUT_X), xt).feed(input(sig, ServingGraph.INPUT_MASK), mt)
            .feed(SEED_TENSOR, st).fetch(output(sig, ServingGraph.OUTPUT_PROBABILITIES)).run()) {
      float[] out = new float[rows * classes];
      ((TFloat32) r.get(0)).copyTo(DataBuffers.of(out, false, false));
      return out;
    }
  }

  /** Generated rows [classIds.length, d], row-major. */
  public float[] generate(long[] classIds, long[] seed) {
    SignatureDef sig = requireSignature(ServingSignatures.GENERATE);
    try (TInt64 ids = TInt64.vectorOf(classIds); TInt64 st = seedTensor(seed);
        Result r = session.runner().feed(input(sig, ServingGraph.INPUT_CLASS_IDS), ids)
            .feed(SEED_TENSOR, st).fetch(output(sig, ServingGraph.OUTPUT_GENERATED)).run()) {
      float[] out = new float[classIds.length * features];
      ((TFloat32) r.get(0)).copyTo(DataBuffers.of(out, false, false));
      return out;
    }
  }

  /**
   * h = E(x̃, m) of {@code rows} rows [rows, d_h], row-major: the hidden space, for pictures of it.
   *
   * @throws IllegalStateException for a model without E or saved before hexagan exposed h
   */
  public float[] hidden(float[] x, float[] mask, int rows, long[] seed) {
    SignatureDef sig = signatures.get(ServingSignatures.IMPUTE);
    try (TFloat32 xt = matrix(x, rows, features); TFloat32 mt = matrix(mask, rows, features);
        TInt64 st = seedTensor(seed);
        Result r = session.runner()
            .feed(input(sig, ServingGraph.INPUT_X), xt).feed(input(sig, ServingGraph.INPUT_MASK), mt)
            .feed(SEED_TENSOR, st).fetch(requireOp(ServingGraph.HIDDEN_OP)).run()) {
      return floats(r);
    }
  }

  /** h_c = G_CG(z_c, y_c) [classIds.length, d_h], row-major; see {@link #hidden}. */
  public float[] conditionalHidden(long[] classIds, long[] seed) {
    SignatureDef sig = requireSignature(ServingSignatures.GENERATE);
    try (TInt64 ids = TInt64.vectorOf(classIds); TInt64 st = seedTensor(seed);
        Result r = session.runner().feed(input(sig, ServingGraph.INPUT_CLASS_IDS), ids)
            .feed(SEED_TENSOR, st).fetch(requireOp(ServingGraph.CONDITIONAL_HIDDEN_OP)).run()) {
      return floats(r);
    }
  }

  private String requireOp(String name) {
    if (session.graph().operation(name) == null) {
      throw new IllegalStateException("this model has no " + name + " op (a model without E, or saved by an older "
          + "hexagan): retrain it to picture its hidden space");
    }
    return name;
  }

  private static float[] floats(Result r) {
    TFloat32 t = (TFloat32) r.get(0);
    float[] out = new float[(int) t.shape().size()];
    t.copyTo(DataBuffers.of(out, false, false));
    return out;
  }

  /**
   * Runs signature {@code key} by its tensor names: feeds {@code inputs} (one tensor per input of
   * the signature, by input name) and fetches every output. {@code seed} as in {@link #impute}.
   * Close the returned {@link Outputs}; the inputs stay the caller's.
   *
   * @throws IllegalArgumentException for an unknown signature or inputs that are not exactly the
   *     signature's
   */
  public Outputs run(String key, Map<String, ? extends Tensor> inputs, long[] seed) {
    SignatureDef sig = signatures.get(key);
    if (sig == null) {
      throw new IllegalArgumentException("no signature \"" + key + "\"; this model has " + signatures.keySet());
    }
    if (!sig.getInputsMap().keySet().equals(inputs.keySet())) {
      throw new IllegalArgumentException("signature \"" + key + "\" takes inputs " + sig.getInputsMap().keySet()
          + ", given " + inputs.keySet());
    }
    List<String> names = List.copyOf(sig.getOutputsMap().keySet());
    try (TInt64 st = seedTensor(seed)) {
      Session.Runner runner = session.runner().feed(SEED_TENSOR, st);
      inputs.forEach((name, tensor) -> runner.feed(input(sig, name), tensor));
      names.forEach(name -> runner.fetch(output(sig, name)));
      Result r = runner.run();
      Map<String, Tensor> out = new LinkedHashMap<>();
      for (int i = 0; i < names.size(); i++) {
        out.put(names.get(i), r.get(i));
      }
      return new Outputs(out);
    }
  }

  /** The output tensors of one {@link #run}, by output name; closing closes them all. */
  public record Outputs(Map<String, Tensor> tensors) implements AutoCloseable {
    public Outputs {
      tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
    }

    @Override
    public void close() {
      tensors.values().forEach(Tensor::close);
    }
  }

  /** The underlying session (for a server that runs signatures by name). */
  public Session session() {
    return session;
  }

  /**
   * Writes this model as a SavedModel into {@code dir} (an empty directory): the graph with its
   * signatures, the variables, and {@code assets}.
   */
  public void export(Path dir, Map<String, byte[]> assets) throws IOException {
    Path variables = dir.resolve(ModelDirectory.VARIABLES);
    Files.createDirectories(variables);
    session.save(variables.resolve(ModelDirectory.CHECKPOINT_PREFIX).toString());
    Graph g = session.graph();
    SaverDef saver = SaverDef.newBuilder()
        .setFilenameTensorName(VariableSaver.SCOPE + "/" + VariableSaver.FILENAME + ":0")
        .setSaveTensorName(VariableSaver.SCOPE + "/" + VariableSaver.SAVE)
        .setRestoreOpName(VariableSaver.SCOPE + "/" + VariableSaver.RESTORE)
        .setVersion(SaverDef.CheckpointFormatVersion.V2)
        .build();
    MetaGraphDef.Builder meta = MetaGraphDef.newBuilder()
        .setMetaInfoDef(MetaGraphDef.MetaInfoDef.newBuilder()
            .addTags(SavedModelBundle.DEFAULT_TAG)
            .setTensorflowVersion(TensorFlow.version()))
        .setGraphDef(g.toGraphDef())
        .setSaverDef(saver);
    signatures.forEach(meta::putSignatureDef);
    try (OutputStream out = Files.newOutputStream(dir.resolve(ModelDirectory.SAVED_MODEL))) {
      SavedModel.newBuilder().setSavedModelSchemaVersion(1).addMetaGraphs(meta).build().writeTo(out);
    }
    Path assetDir = dir.resolve(ModelDirectory.ASSETS);
    Files.createDirectories(assetDir);
    for (Map.Entry<String, byte[]> a : assets.entrySet()) {
      Files.write(assetDir.resolve(a.getKey()), a.getValue());
    }
  }

  /** Copies a training checkpoint directory into a model directory being written. */
  public static void copyTrainingState(Path checkpointDir, Path modelDir) throws IOException {
    PathUtils.copyDirectory(checkpointDir, modelDir.resolve(ModelDirectory.TRAINING_STATE));
  }

  private SignatureDef requireSignature(String key) {
    SignatureDef sig = signatures.get(key);
    if (sig == null) {
      throw new IllegalStateException("this model has no \"" + key + "\" signature");
    }
    return sig;
  }

  private static String input(SignatureDef sig, String name) {
    return sig.getInputsOrThrow(name).getName();
  }

  private static String output(SignatureDef sig, String name) {
    return sig.getOutputsOrThrow(name).getName();
  }

  private static TFloat32 matrix(float[] v, int rows, int cols) {
    if (v.length != rows * cols) {
      throw new IllegalArgumentException("expected " + rows * cols + " values, found " + v.length);
    }
    return TFloat32.tensorOf(Shape.of(rows, cols), DataBuffers.of(v, true, false));
  }

  private static TInt64 seedTensor(long[] seed) {
    if (seed == null) {
      return TInt64.vectorOf(-1, -1);
    }
    if (seed.length != 2 || seed[0] < 0 || seed[1] < 0) {
      throw new IllegalArgumentException("seed: expected two non-negative numbers");
    }
    return TInt64.vectorOf(seed[0], seed[1]);
  }

  @Override
  public void close() {
    if (bundle != null) {
      bundle.close();
    } else {
      session.close();
      graph.close();
    }
  }
}
