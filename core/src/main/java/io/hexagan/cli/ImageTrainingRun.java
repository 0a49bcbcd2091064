package io.hexagan.cli;

import io.hexagan.eval.ImageExperiment;
import io.hexagan.eval.TrainingFigures;
import io.hexagan.io.ImageSet;
import io.hexagan.training.HexaGan;
import io.hexagan.training.HexaGanConfig;
import io.hexagan.training.TrainingSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import picocli.CommandLine;

/** {@code hexagan train --format idx}: reads the IDX files, splits, trains, scores the held-out images, draws. */
final class ImageTrainingRun {
  /** Held-out images drawn in Figure 3. */
  static final int SHOWN = 10;
  /** Training images whose h_l Figure 4 maps. */
  static final int HIDDEN_ROWS = 1000;
  /** Generated h_c per class in Figure 4. */
  static final int GENERATED_PER_CLASS = 50;

  private ImageTrainingRun() {}

  static int run(CommandLine cli, TrainCommand c) throws Exception {
    ImageSet images = ImageSet.readDirectory(c.input);
    HexaGanConfig config = c.resume != null
        ? HexaGan.resumedConfig(c.resume, c.epochs)
        : ImageExperiment.configFor(TrainCommand.configuration(
            c.preset == null ? TrainCommand.Preset.MNIST : c.preset, c.config, c.epochs, c.seed), images);
    ImageExperiment.Split split = ImageExperiment.split(images,
        new ImageExperiment.Settings(c.holdout, c.missingRate, 0L));
    int maxEpochs = config.schedule().maxEpochs();
    SortedSet<Integer> epochs = new TreeSet<>();
    if (c.figureEpochs != null) {
      for (int e : c.figureEpochs) {
        if (e < 1) {
          throw new CommandLine.ParameterException(cli, "--figure-epochs: expected epochs ≥ 1, found " + e);
        }
        epochs.add(e);
      }
    } else {
      epochs.add(1);
      epochs.add(Math.max(2, maxEpochs / 10));
      epochs.add(maxEpochs);
    }
    PrintWriter out = cli.getOut();
    try (Progress.Training progress = new Progress.Training(System.err, c.quiet);
        var result = new Closing(train(c, split, config, progress,
            c.figures == null ? null : ImageExperiment.figurePlan(split, epochs, SHOWN, HIDDEN_ROWS,
                GENERATED_PER_CLASS, config.seed())))) {
      progress.close();
      ImageExperiment.Result r = result.result();
      TrainingSummary s = r.model().summary();
      long trainMillis = s.history().stream().filter(e -> !e.warmup()).mapToLong(e -> e.millis()).sum();
      out.printf(Locale.ROOT, "trained %d epochs in %.1f s (%.1f s per epoch, kept epoch %d) on %d images, %d held out;"
          + " model written to %s%n", s.epochs(), s.millis() / 1000.0, trainMillis / 1000.0 / Math.max(1, s.epochs()),
          s.keptEpoch(), split.train().size(), split.heldOut().size(), target(c));
      out.printf(Locale.ROOT, "held-out imputation RMSE %.4f over %d missing pixels (%.0f%% missing; column means %.4f);"
          + " one root over all missing pixels in [0,1]%n", r.heldOutRmse(), r.heldOutMissing(), 100 * c.missingRate,
          r.meanRmse());
      for (Path p : r.figures()) {
        out.println("figure written to " + p);
      }
      out.flush();
    }
    return 0;
  }

  /** A fresh run, or with {@code --resume} the continued one. */
  private static ImageExperiment.Result train(TrainCommand c, ImageExperiment.Split split, HexaGanConfig config,
      Progress.Training progress, TrainingFigures.Plan plan) throws java.io.IOException {
    if (c.resume == null) {
      return ImageExperiment.run(split, config, c.model, c.checkpointEvery, progress, plan, c.figures);
    }
    return ImageExperiment.resume(split, c.resume, c.epochs, target(c), c.checkpointEvery, progress, plan, c.figures);
  }

  /** Where the model goes: {@code --model}, else the directory resumed from. */
  private static Path target(TrainCommand c) {
    return c.model != null ? c.model : c.resume;
  }

  /** Closes the result's model. */
  private record Closing(ImageExperiment.Result result) implements AutoCloseable {
    @Override
    public void close() {
      result.model().close();
    }
  }
}
