package io.hexagan.training;

import io.hexagan.graph.Architecture;
import io.hexagan.graph.ClassifierForest;
import io.hexagan.graph.EncoderInputs;
import io.hexagan.graph.GraphSpec;
import io.hexagan.graph.NetworkKind;
import io.hexagan.graph.ServingGraph;
import io.hexagan.io.MaskedTable;
import io.hexagan.io.MinMaxScaler;
import io.hexagan.savedmodel.ModelDirectory;
import io.hexagan.savedmodel.ServingModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.io.file.PathUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.TensorFlow;

/**
 * One training run: validates the table, hides the validation cells and labels, builds and loads
 * the graph, runs the critics' warm-up and the main loop, tracks the validation score every epoch,
 * snapshots the best epoch's weights in the graph, stops on patience or budget, guards against
 * divergence, writes checkpoints, and builds the served model from the best snapshot. A resumed
 * run restores the graph's state and continues the same schedule from the checkpoint's epoch.
 */
final class Trainer {
  private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

  /**
   * Where a resumed run starts: the checkpoint's training state and its history, and the
   * validation split it was trained with ({@link ValidationSplit#fingerprint}; null when written
   * before that was recorded).
   */
  record Resume(Path trainingState, TrainingSummary previous, String validationSha256) {}

  private final MaskedTable table;
  private final HexaGanConfig config;
  private final TrainingListener listener;
  private final Checkpointing checkpointing;
  private final Resume resume;

  Trainer(MaskedTable table, HexaGanConfig config, TrainingListener listener, Checkpointing checkpointing,
      Resume resume) {
    this.table = table;
    this.config = config;
    this.listener = listener;
    this.checkpointing = checkpointing;
    this.resume = resume;
  }

  HexaGanModel run() {
    long start = System.nanoTime();
    requireTrainable(table);
    // Images share one intensity range; table columns each get their own.
    MinMaxScaler scaler = config.architecture().kind() == NetworkKind.CONVOLUTIONAL
        ? MinMaxScaler.fitShared(table.values(), table.features())
        : MinMaxScaler.fit(table.values(), table.features());
    ValidationSplit split = ValidationSplit.choose(table, config.schedule(), config.seed(), refines(config));
    String validationSha256 = split.fingerprint();
    if (resume != null) {
      requireSameSplit(validationSha256);
    }
    TrainingData data = TrainingData.prepare(table, scaler, split);
    double[] means = data.observedMeans(table.features());
    double[] fill = config.losses().meanFill() ? means : new double[table.features()];
    EncoderInputs encoderInputs = encoderInputs(config.architecture(), data.values(), data.mask(), table.features());
    float[] pairs = screenedPairs(data);
    GraphSpec spec = new GraphSpec(table.features(), table.classes().size(), data.labeledRows(),
        data.unlabeledRows(), config.architecture(), config.losses(), config.optimizer(),
        config.ablation(), config.imputationDraws(), config.seed(), fill, means, skipSupport(pairs), encoderInputs,
        ReconstructionWeights.of(data.values(), data.mask(), table.features(), config.losses().varianceWeighting()));
    ServingGraph.Spec serving = new ServingGraph.Spec(table.features(), table.classes().size(),
        config.architecture().resolve(table.features()), spec.hasImputationGenerator(),
        spec.hasConditionalGenerator(), config.losses().missingNoiseScale(), config.imputationDraws(),
        scaler.min(), scaler.span(), config.seed(), fill, config.losses().inputDropout(), encoderInputs, null, null, null);
    String fingerprint = fingerprint(table);
    try (GraphSession session = GraphSession.open(spec, config.session())) {
      session.load(data.values(), data.mask(), data.labels());
      if (resume != null) {
        if (!session.restore(resume.trainingState().resolve(ModelDirectory.CHECKPOINT_PREFIX).toString())) {
          LOG.info("{}: a checkpoint from an earlier build, without the learning rates' scale; resuming at"
              + " scale 1", resume.trainingState());
        }
      }
      Validator validator = new Validator(table, scaler, split);
      Loop loop = new Loop(session, spec, validator, split, pairs, start, scaler, serving, fingerprint,
          validationSha256);
      TrainingSummary summary = loop.run();
      return loop.model(summary, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the training checkpoint", e);
    }
  }

  /**
   * What E reads beyond (x̃, m), found in a training table's scaled cells ({@code values}, 1 in
   * {@code mask} where observed, rows × features): none for a convolutional E.
   */
  static EncoderInputs encoderInputs(Architecture arch, float[] values, float[] mask, int features) {
    if (arch.kind() == NetworkKind.CONVOLUTIONAL) {
      return EncoderInputs.NONE;
    }
    return new EncoderInputs(ColumnLevels.find(values, mask, features, arch.levelIndicators()),
        ColumnQuantiles.find(values, mask, features, arch.quantileInputs()));
  }

  /**
   * Whether a training with {@code config} refines its imputation after training (chained
   * regressions and forests, {@link HexaGanConfig#refinement()}): on, for a dense G_MI that exists.
   */
  static boolean refines(HexaGanConfig config) {
    return config.refinement().on() && config.architecture().kind() != NetworkKind.CONVOLUTIONAL
        && config.ablation().imputationGenerator();
  }

  /**
   * The screened column pairs of the training cells ({@link PairScreening}), at the skip path's level
   * (or {@link HexaGanConfig#DEFAULT_SKIP_SCREENING} when it sets none), once for the skip path and
   * the refinements; null when neither reads them.
   */
  private float[] screenedPairs(TrainingData data) {
    boolean skip = config.losses().skipScreening() > 0 && config.architecture().linearSkip();
    if (!skip && !refines(config)) {
      return null;
    }
    double level = config.losses().skipScreening() > 0 ? config.losses().skipScreening()
        : HexaGanConfig.DEFAULT_SKIP_SCREENING;
    return PairScreening.support(data.values(), data.mask(), table.features(), level);
  }

  private float[] skipSupport(float[] pairs) {
    return config.losses().skipScreening() > 0 && config.architecture().linearSkip() ? pairs : null;
  }

  /** The epoch loop and its state (best score, patience, history). */
  private final class Loop {
    private final GraphSession session;
    private final GraphSpec spec;
    private final Validator validator;
    private final ValidationSplit split;
    private final float[] pairs;
    private final long start;
    private final MinMaxScaler scaler;
    private final ServingGraph.Spec serving;
    private final String fingerprint;
    private final String validationSha256;
    private final List<EpochReport> history = new ArrayList<>();
    private double best = Double.POSITIVE_INFINITY;
    private int keptEpoch;
    private int epochs;
    private boolean stoppedEarly;
    private final long previousMillis;
    /** The learning rates' factor now, and the epoch that last lowered it (0 = none). */
    private float rateScale = 1f;
    private int lastDrop;

    Loop(GraphSession session, GraphSpec spec, Validator validator, ValidationSplit split, float[] pairs, long start,
        MinMaxScaler scaler, ServingGraph.Spec serving, String fingerprint, String validationSha256) {
      this.session = session;
      this.spec = spec;
      this.validator = validator;
      this.split = split;
      this.pairs = pairs;
      this.start = start;
      this.scaler = scaler;
      this.serving = serving;
      this.fingerprint = fingerprint;
      this.validationSha256 = validationSha256;
      if (resume != null) {
        TrainingSummary p = resume.previous();
        history.addAll(p.history());
        epochs = p.epochs();
        keptEpoch = p.keptEpoch();
        previousMillis = p.millis();
        // The scale was restored with the checkpoint; the plateau counts on from the kept epoch.
        rateScale = session.rateScale();
        lastDrop = keptEpoch;
        for (EpochReport r : p.history()) {
          if (!r.warmup() && r.validation() != null) {
            best = Math.min(best, r.validation().score());
          }
        }
      } else {
        previousMillis = 0;
      }
    }

    TrainingSummary run() throws IOException {
      Schedule schedule = config.schedule();
      int perEpoch = spec.iterationsPerEpoch();
      listener.onStart(resume == null ? schedule.warmupEpochs() : 0, schedule.maxEpochs() - epochs, perEpoch);
      LOG.debug("graph: {} ops, {} iterations per epoch, batch {} labelled + {} unlabelled",
          session.operationCount(), perEpoch, spec.labeledBatch(), spec.unlabeledBatch());
      if (resume == null) {
        for (int e = 1; e <= schedule.warmupEpochs(); e++) {
          long t0 = System.nanoTime();
          session.resetLosses();
          for (int i = 0; i < perEpoch; i++) {
            session.warmupIteration();
          }
          EpochReport report = new EpochReport(e, true, perEpoch, readLosses(perEpoch, e), null, false, millisSince(t0));
          history.add(report);
          listener.onEpoch(report);
        }
      }
      if (resume == null) {
        session.startAverage();
      }
      while (epochs < schedule.maxEpochs() && !patienceSpent()) {
        int e = ++epochs;
        long t0 = System.nanoTime();
        session.resetLosses();
        for (int i = 0; i < perEpoch; i++) {
          session.trainIteration();
        }
        Map<String, Double> losses = readLosses(perEpoch, e);
        // With weight averaging, the averages are validated, kept and probed; training goes on
        // from the raw weights, swapped back before any checkpoint.
        session.swapAverage();
        ValidationResult validation = validator.enabled() ? validator.evaluate(session, schedule.criterion()) : null;
        boolean improved = validation == null || validation.score() < best;
        if (improved) {
          // Without validation the last epoch is the best one.
          best = validation == null ? best : validation.score();
          keptEpoch = e;
          session.snapshot();
        }
        EpochReport report = new EpochReport(e, false, perEpoch, losses, validation, improved && validation != null,
            millisSince(t0));
        history.add(report);
        listener.onEpoch(report);
        if (plateauReached()) {
          rateScale *= (float) schedule.plateauFactor();
          lastDrop = e;
          session.setRateScale(rateScale);
          LOG.info("epoch {}: no better validation score for {} epochs; learning rates now × {}", e,
              schedule.plateauEpochs(), rateScale);
        }
        listener.afterEpoch(report, new SessionProbe(session, scaler));
        session.swapAverage();
        if (checkpointing != null && e % checkpointing.everyEpochs() == 0 && e < schedule.maxEpochs()
            && !patienceSpent()) {
          try (HexaGanModel partial = model(summary(), false)) {
            partial.save(checkpointing.dir(), checkpointing.assets());
          }
        }
      }
      listener.onEpochsDone();
      stoppedEarly = patienceSpent() && epochs < schedule.maxEpochs();
      return summary();
    }

    /**
     * Whether {@link Schedule#plateauEpochs()} epochs have passed without a better validation score
     * since the last improvement or the last drop (and the run goes on).
     */
    private boolean plateauReached() {
      int plateau = config.schedule().plateauEpochs();
      return validator.enabled() && plateau > 0 && keptEpoch > 0 && epochs - Math.max(keptEpoch, lastDrop) >= plateau
          && !patienceSpent() && epochs < config.schedule().maxEpochs();
    }

    private boolean patienceSpent() {
      int patience = config.schedule().patience();
      return validator.enabled() && patience > 0 && keptEpoch > 0 && epochs - keptEpoch >= patience;
    }

    private TrainingSummary summary() {
      return new TrainingSummary(epochs, keptEpoch, stoppedEarly, spec.iterationsPerEpoch(),
          GraphSession.RUNS_PER_ITERATION, session.operationCount(), previousMillis + millisSince(start), history, List.of(), false);
    }

    /**
     * The served model: the best snapshot's weights, with the training state beside it; refined by
     * the chained regressions and forests ({@link HexaGanConfig#refinement()}) when {@code refine}
     * (the finished run's model, not a checkpoint's).
     */
    HexaGanModel model(TrainingSummary summary, boolean refine) throws IOException {
      Path state = Files.createTempDirectory("hexagan-training-state");
      try {
        String prefix = state.resolve(ModelDirectory.CHECKPOINT_PREFIX).toString();
        session.save(prefix);
        ModelMetadata metadata = metadata(summary);
        ServingModel model = ServingModel.restore(serving, prefix, GraphSession.sessionConfig(config.session()));
        RefinementFit.Chosen refinement;
        try {
          refinement = refine ? refinement(new HexaGanModel(model, metadata, state, false)) : null;
        } catch (RuntimeException e) {
          model.close();
          throw e;
        }
        ServingGraph.Spec refined = serving;
        if (refinement != null) {
          model.close();
          refined = serving.withRefinement(refinement.linear(), refinement.forests(), null);
          model = ServingModel.restore(refined, prefix, GraphSession.sessionConfig(config.session()));
          List<String> refinedColumns = new ArrayList<>();
          boolean[] replaced = refinement.replaced(table.features());
          for (int c = 0; c < table.features(); c++) {
            if (replaced[c]) {
              refinedColumns.add(table.columns().get(c));
            }
          }
          summary = summary.withRefinedColumns(refinedColumns);
          metadata = metadata(summary);
          LOG.info("refinement: {} of {} columns imputed by the chained regressions, {} by forests ({} of them"
              + " blended with G_MI); forest rounds: {}",
              count(refinement.linear() == null ? null : refinement.linear().replaced()), table.features(), count(refinement.forests() == null ? null : refinement.forests().replaced()),
              count(refinement.forests() == null ? null : refinement.forests().blended()),
              refinement.forests() == null ? 0 : refinement.forests().rounds());
        }
        ClassifierForest classifier;
        try {
          classifier = refine ? classifierForest(new HexaGanModel(model, metadata, state, false)) : null;
        } catch (RuntimeException e) {
          model.close();
          throw e;
        }
        if (classifier != null) {
          model.close();
          model = ServingModel.restore(refined.withRefinement(refined.refinement(), refined.forests(), classifier),
              prefix, GraphSession.sessionConfig(config.session()));
          metadata = metadata(summary.withClassifierForest(true));
        }
        if (refine && config.refinement().classifier()) {
          LOG.info("classifier: {}", classifier != null ? "the forest classifier beat C on the validation labels"
              : "C (the forest classifier did not beat it on the validation labels)");
        }
        return new HexaGanModel(model, metadata, state, true);
      } catch (RuntimeException e) {
        PathUtils.deleteDirectory(state);
        throw e;
      }
    }

    private ModelMetadata metadata(TrainingSummary summary) {
      return new ModelMetadata(ModelMetadata.FORMAT_VERSION, table.columns(), table.classes(), scaler.min(),
          scaler.span(), config, summary, provenance(fingerprint, validationSha256));
    }

    private static int count(boolean[] columns) {
      int k = 0;
      for (int c = 0; columns != null && c < columns.length; c++) {
        k += columns[c] ? 1 : 0;
      }
      return k;
    }

    /**
     * The chained regressions and forests over {@code model}'s imputation ({@link
     * HexaGanConfig#refinement()}), fitted on its imputation of the training rows with the
     * validation cells hidden and chosen per column on those cells; null when off, without
     * validation cells, for images, or when no column gained.
     */
    private RefinementFit.Chosen refinement(HexaGanModel model) {
      if (!refines(config) || !split.hasCells()) {
        return null;
      }
      return RefinementFit.fit(model, table, scaler, split, config.refinement(), pairs, config.seed());
    }

    /**
     * The forest classifier over {@code model}'s served imputation ({@link
     * RefinementSettings#classifierTrees()}), or null when off, without validation labels or cells
     * to screen on, for images, without labels, or when it did not beat C.
     */
    private ClassifierForest classifierForest(HexaGanModel model) {
      if (!config.refinement().classifier() || !refines(config) || !split.hasLabels() || !table.hasLabels()
          || table.classes().size() < 2) {
        return null;
      }
      return ClassifierForestFit.fit(model, table, scaler, split, config.refinement(), pairs, config.seed());
    }

    private Map<String, Double> readLosses(int iterations, int epoch) {
      GraphSession.LossState state = session.lossState();
      List<String> names = session.graph().lossNames();
      Map<String, Double> means = new LinkedHashMap<>();
      for (int k = 0; k < names.size(); k++) {
        if (state.firstNonFinite()[k] >= 0) {
          throw new TrainingDivergedException(names.get(k), state.firstNonFinite()[k], epoch);
        }
        means.put(names.get(k), (double) state.sums()[k] / iterations);
      }
      return means;
    }
  }

  /**
   * Refuses to resume a checkpoint trained with another validation split than this build draws
   * (training would go on with cells it learned from counted as validation); warns where the
   * checkpoint did not record its split.
   */
  private void requireSameSplit(String validationSha256) {
    Path dir = resume.trainingState().getParent();
    if (resume.validationSha256() == null) {
      LOG.warn("{}: written before hexagan recorded the validation split; cannot check that this build hides the same"
          + " validation cells and labels", dir);
    } else if (!resume.validationSha256().equals(validationSha256)) {
      throw new IllegalArgumentException(dir + ": this build hides other validation cells or labels than the run that"
          + " wrote this checkpoint (validation SHA-256 " + validationSha256 + ", checkpoint's "
          + resume.validationSha256() + "); train afresh instead of resuming");
    }
  }

  private ModelMetadata.Provenance provenance(String fingerprint, String validationSha256) {
    return new ModelMetadata.Provenance(Version.HEXAGAN, TensorFlow.version(), fingerprint, table.rows(),
        Instant.now().toString(), validationSha256);
  }

  private static long millisSince(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }

  /** SHA-256 of the table's names, values (bit patterns) and labels. */
  static String fingerprint(MaskedTable table) {
    MessageDigest md = Sha256.digest();
    ByteBuffer buf = ByteBuffer.allocate(8);
    for (String c : table.columns()) {
      md.update(c.getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
    }
    for (String c : table.classes()) {
      md.update(c.getBytes(StandardCharsets.UTF_8));
      md.update((byte) 1);
    }
    for (int r = 0; r < table.rows(); r++) {
      for (double v : table.values()[r]) {
        buf.clear();
        md.update(buf.putLong(Double.doubleToLongBits(v)).array());
      }
      if (table.hasLabels()) {
        buf.clear();
        md.update(buf.putLong(table.labels()[r]).array());
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  static void requireTrainable(MaskedTable table) {
    if (table.rows() < 2) {
      throw new IllegalArgumentException("table: expected at least 2 rows, found " + table.rows());
    }
    if (table.features() < 1) {
      throw new IllegalArgumentException("table: expected at least 1 feature column, found 0");
    }
    for (int r = 0; r < table.rows(); r++) {
      for (int c = 0; c < table.features(); c++) {
        if (Math.abs(table.values()[r][c]) > Float.MAX_VALUE) {
          throw new IllegalArgumentException("row " + r + ", column " + table.columns().get(c)
              + ": expected a magnitude below 3.4e38 (float32), found " + table.values()[r][c]);
        }
      }
    }
    for (int c = 0; c < table.features(); c++) {
      boolean any = false;
      for (int r = 0; r < table.rows() && !any; r++) {
        any = table.observed(r, c);
      }
      if (!any) {
        throw new IllegalArgumentException("column " + table.columns().get(c) + ": expected at least one observed value, found none");
      }
    }
    if (table.hasLabels()) {
      if (table.classes().size() < 2) {
        throw new IllegalArgumentException("label: expected at least 2 classes, found " + table.classes().size());
      }
      if (table.labeledRows() == 0) {
        throw new IllegalArgumentException("label: expected at least one labelled row, found none");
      }
    }
  }
}
