package io.hexagan.training;

import io.hexagan.graph.GraphSpec;
import io.hexagan.io.MaskedTable;
import io.hexagan.io.MinMaxScaler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    GraphSession session = GraphSession.open(spec, config.session());
    try {
      session.load(data.values(), data.mask(), data.labels());
      Validator validator = new Validator(table, scaler, split);
      TrainingSummary summary = loop(session, spec, validator, start);
      return new HexaGanModel(session, scaler, table.columns(), table.classes(), config, summary);
    } catch (RuntimeException e) {
      session.close();
      throw e;
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
