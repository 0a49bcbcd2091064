package io.hexagan.training;

import io.hexagan.graph.GraphSpec;
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
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.apache.commons.io.file.PathUtils;
import org.slf4j.LoggerFactory;
import org.tensorflow.TensorFlow;

/**
 * One training run: validates the table, hides the validation cells and labels, builds and loads
 * the graph, runs the critics' warm-up and the main loop, tracks the validation score every epoch,
 * keeps the best epoch's weights, stops on patience or budget, and guards against divergence.
 */
final class Trainer {
  private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

  private final MaskedTable table;
  private final HexaGanConfig config;
  private final TrainingListener listener;

  Trainer(MaskedTable table, HexaGanConfig config, TrainingListener listener) {
    this.table = table;
    this.config = config;
    this.listener = listener;
  }

  HexaGanModel run() {
    long start = System.nanoTime();
    requireTrainable(table);
    MinMaxScaler scaler = MinMaxScaler.fit(table.values(), table.features());
    ValidationSplit split = ValidationSplit.choose(table, config.schedule(), config.seed());
    TrainingData data = TrainingData.prepare(table, scaler, split);
    GraphSpec spec = new GraphSpec(table.features(), table.classes().size(), data.labeledRows(),
        data.unlabeledRows(), config.architecture(), config.losses(), config.optimizer(),
        config.ablation(), config.imputationDraws(), config.seed());
    Path state = null;
    try (GraphSession session = GraphSession.open(spec, config.session())) {
      session.load(data.values(), data.mask(), data.labels());
      Validator validator = new Validator(table, scaler, split);
      TrainingSummary summary = loop(session, spec, validator, start);
      state = Files.createTempDirectory("hexagan-training-state");
      String prefix = state.resolve(ModelDirectory.CHECKPOINT_PREFIX).toString();
      session.save(prefix);
      ModelMetadata metadata = new ModelMetadata(ModelMetadata.FORMAT_VERSION, table.columns(), table.classes(),
          scaler.min(), scaler.span(), config, summary, provenance(table));
      ServingGraph.Spec serving = new ServingGraph.Spec(table.features(), table.classes().size(),
          config.architecture().resolve(table.features()), spec.hasImputationGenerator(),
          spec.hasConditionalGenerator(), config.losses().missingNoiseScale(), config.imputationDraws(),
          scaler.min(), scaler.span(), config.seed());
      ServingModel model = ServingModel.restore(serving, prefix, GraphSession.sessionConfig(config.session()));
      return new HexaGanModel(model, metadata, state, true);
    } catch (IOException e) {
      deleteQuietly(state);
      throw new UncheckedIOException("cannot write the training checkpoint", e);
    } catch (RuntimeException e) {
      deleteQuietly(state);
      throw e;
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir != null) {
      try {
        PathUtils.deleteDirectory(dir);
      } catch (IOException ignored) {
        // best effort: a temporary directory
      }
    }
  }

  private static ModelMetadata.Provenance provenance(MaskedTable table) {
    return new ModelMetadata.Provenance(Version.HEXAGAN, TensorFlow.version(), fingerprint(table), table.rows(),
        Instant.now().toString());
  }

  /** SHA-256 of the table's names, values (bit patterns) and labels. */
  static String fingerprint(MaskedTable table) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
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
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private TrainingSummary loop(GraphSession session, GraphSpec spec, Validator validator, long start) {
    Schedule schedule = config.schedule();
    int perEpoch = spec.iterationsPerEpoch();
    List<EpochReport> history = new ArrayList<>();
    listener.onStart(schedule.warmupEpochs(), schedule.maxEpochs(), perEpoch);
    LOG.debug("graph: {} ops, {} iterations per epoch, batch {} labelled + {} unlabelled",
        session.operationCount(), perEpoch, spec.labeledBatch(), spec.unlabeledBatch());
    for (int e = 1; e <= schedule.warmupEpochs(); e++) {
      long t0 = System.nanoTime();
      session.resetLosses();
      for (int i = 0; i < perEpoch; i++) {
        session.warmupIteration();
      }
      Map<String, Double> losses = readLosses(session, perEpoch, e);
      EpochReport report = new EpochReport(e, true, perEpoch, losses, null, false, millisSince(t0));
      history.add(report);
      listener.onEpoch(report);
    }
    double best = Double.POSITIVE_INFINITY;
    int keptEpoch = 0;
    int sinceBest = 0;
    int epochs = 0;
    boolean stoppedEarly = false;
    for (int e = 1; e <= schedule.maxEpochs(); e++) {
      long t0 = System.nanoTime();
      session.resetLosses();
      for (int i = 0; i < perEpoch; i++) {
        session.trainIteration();
      }
      Map<String, Double> losses = readLosses(session, perEpoch, e);
      epochs = e;
      ValidationResult validation = validator.enabled() ? validator.evaluate(session, schedule.criterion()) : null;
      boolean improved = false;
      if (validation == null) {
        keptEpoch = e;
      } else if (validation.score() < best) {
        best = validation.score();
        keptEpoch = e;
        sinceBest = 0;
        improved = true;
        session.snapshot();
      } else {
        sinceBest++;
      }
      EpochReport report = new EpochReport(e, false, perEpoch, losses, validation, improved, millisSince(t0));
      history.add(report);
      listener.onEpoch(report);
      if (validation != null && schedule.patience() > 0 && sinceBest >= schedule.patience()) {
        stoppedEarly = e < schedule.maxEpochs();
        break;
      }
    }
    if (validator.enabled() && keptEpoch > 0) {
      session.restoreSnapshot();
    }
    return new TrainingSummary(epochs, keptEpoch, stoppedEarly, perEpoch, GraphSession.RUNS_PER_ITERATION,
        session.operationCount(), millisSince(start), history);
  }

  private Map<String, Double> readLosses(GraphSession session, int iterations, int epoch) {
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

  private static long millisSince(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }

  private static void requireTrainable(MaskedTable table) {
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
