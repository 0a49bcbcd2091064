package io.hexagan.cli;

import io.hexagan.training.EpochReport;
import io.hexagan.training.TrainingListener;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongConsumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Progress bars on standard error: epochs of training, rows of a file. */
final class Progress {
  private Progress() {}

  /** A training listener that draws epochs, the main losses and the validation figures. */
  static final class Training implements TrainingListener, AutoCloseable {
    private final PrintStream out;
    private final boolean quiet;
    private ProgressBar bar;

    Training(PrintStream out, boolean quiet) {
      this.out = out;
      this.quiet = quiet;
    }

    @Override
    public void onStart(int warmupEpochs, int maxEpochs, int iterationsPerEpoch) {
      if (!quiet) {
        bar = builder("train", warmupEpochs + maxEpochs, out).setUnit(" epochs", 1).build();
      }
    }

    @Override
    public void onEpoch(EpochReport r) {
      if (bar == null) {
        return;
      }
      bar.step();
      StringBuilder msg = new StringBuilder(r.warmup() ? "warm-up" : "epoch " + r.epoch());
      Double recon = r.meanLosses().get("reconstruction");
      if (recon != null && !r.warmup()) {
        msg.append(String.format(Locale.ROOT, " recon %.4f", recon));
      }
      Double ce = r.meanLosses().get("classifier_cross_entropy");
      if (ce != null && !r.warmup()) {
        msg.append(String.format(Locale.ROOT, " ce %.3f", ce));
      }
      if (r.validation() != null) {
        if (!Double.isNaN(r.validation().rmse())) {
          msg.append(String.format(Locale.ROOT, " | val rmse %.4f", r.validation().rmse()));
        }
        if (!Double.isNaN(r.validation().f1())) {
          msg.append(String.format(Locale.ROOT, " f1 %.3f", r.validation().f1()));
        }
      }
      bar.setExtraMessage(msg.toString());
    }

    @Override
    public void onEpochsDone() {
      close();
    }

    @Override
    public void close() {
      if (bar != null) {
        bar.close();
        bar = null;
      }
    }
  }

  /** A bar of rows with no known total; {@link LongConsumer#accept} takes the rows done so far. */
  static final class Rows implements LongConsumer, AutoCloseable {
    private final ProgressBar bar;

    Rows(String task, PrintStream out, boolean quiet) {
      this.bar = quiet ? null : builder(task, -1, out).setUnit(" rows", 1).showSpeed().build();
    }

    @Override
    public void accept(long rows) {
      if (bar != null) {
        bar.stepTo(rows);
      }
    }

    @Override
    public void close() {
      if (bar != null) {
        bar.close();
      }
    }
  }

  private static ProgressBarBuilder builder(String task, long max, PrintStream out) {
    return new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(max)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(250)
        .setMaxRenderedLength(110)
        .setConsumer(new ConsoleProgressBarConsumer(out));
  }
}
