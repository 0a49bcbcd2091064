package io.hexagan.cli;

import io.hexagan.training.ConfigJson;
import io.hexagan.training.CsvTraining;
import io.hexagan.training.HexaGanConfig;
import io.hexagan.training.HexaGanModel;
import io.hexagan.training.TrainingSummary;
import io.hexagan.training.Tuning;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hexagan train}. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = "Trains a HexaGAN model on a CSV file and writes the model directory (a TensorFlow SavedModel).",
    showDefaultValues = true,
    footer = {"", "Example:", "  hexagan train --input patients.csv --label outcome --model models/patients --epochs 200",
        "  hexagan train --input mnist/ --format idx --missing-rate 0.5 --holdout 1000 --model models/mnist --figures figures/"})
final class TrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-i", "--input"}, required = true, paramLabel = "<file.csv|dir>",
      description = "Training table: CSV with a header; empty or marker cells are missing. With --format idx: a "
          + "directory holding an IDX images file (*images-idx3-ubyte, plain or .gz) and its labels file.")
  Path input;

  @Option(names = "--format", paramLabel = "<format>", defaultValue = "csv",
      description = "Input format: ${COMPLETION-CANDIDATES}. idx: labelled images (MNIST) with convolutional networks; "
          + "pixels scaled to [0,1], --missing-rate of them removed at random, --holdout images held out and scored.")
  Format format;

  @Option(names = "--missing-rate", paramLabel = "<share>", defaultValue = "0.5",
      description = "With --format idx: share of pixels missing completely at random.")
  double missingRate;

  @Option(names = "--holdout", paramLabel = "<images>", defaultValue = "1000",
      description = "With --format idx: images held out of training (a fixed seeded split) whose imputation RMSE is reported.")
  int holdout;

  @Option(names = "--figures", paramLabel = "<dir>",
      description = "With --format idx: write the paper's Figures 3, 4 and 5 as PNGs into this directory.")
  Path figures;

  @Option(names = "--figure-epochs", split = ",", paramLabel = "<n>",
      description = "With --figures: the three epochs drawn (default 1, a tenth of --epochs, the last epoch).")
  List<Integer> figureEpochs;

  @Option(names = {"-l", "--label"}, paramLabel = "<column>",
      description = "The label column (classes may be any text; an empty label is an unlabelled row). "
          + "Without it the model only imputes.")
  String label;

  @Option(names = {"-m", "--model"}, paramLabel = "<dir>",
      description = "Model directory to write (replaced atomically at every checkpoint and at the end).")
  Path model;

  @Option(names = "--resume", paramLabel = "<dir>",
      description = "Continue training the model or crash checkpoint in this directory on the same --input "
          + "(weights, optimizer state, history and patience included), to --epochs if given; writes back to "
          + "--model, or to this directory. With --format idx, give the run's own --holdout and --missing-rate.")
  Path resume;

  @Option(names = "--checkpoint-every", paramLabel = "<epochs>", defaultValue = "10",
      description = "Epochs between checkpoints of the model directory.")
  int checkpointEvery;

  @Option(names = "--epochs", paramLabel = "<n>", description = "Epoch budget (training may stop earlier on validation).")
  Integer epochs;

  @Option(names = "--seed", paramLabel = "<n>", description = "Seed of every random stream.")
  Long seed;

  @Option(names = "--preset", paramLabel = "<name>",
      description = "Base settings: ${COMPLETION-CANDIDATES} (paper = the authors' recipe; ensemble = the defaults with "
          + "3 members of ten noise draws each, for 2.5-5.7 times the seconds per evaluation fold; default for CSV, mnist for IDX).")
  Preset preset;

  @Option(names = "--config", paramLabel = "<file.json>",
      description = "JSON file of settings laid over the preset, e.g. {\"optimizer\": {\"batchSize\": 128}}.")
  Path config;

  @Option(names = "--tune",
      description = "Train one model per candidate setting (the column pairs of G_MI's skip path: those the screening passes, the "
          + "default, and every pair) on the same "
          + "validation split and keep the one that validates best; the time is that of every candidate's training.")
  boolean tune;

  @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
  boolean quiet;

  @Mixin CsvOptionsMixin csv;

  /** Input formats. */
  enum Format {
    CSV, IDX;

    @Override
    public String toString() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Named base configurations. */
  enum Preset {
    DEFAULT, PAPER, MNIST, ENSEMBLE;

    HexaGanConfig config() {
      return switch (this) {
        case DEFAULT -> HexaGanConfig.defaults();
        case PAPER -> HexaGanConfig.paper();
        case MNIST -> HexaGanConfig.mnist();
        case ENSEMBLE -> HexaGanConfig.ensemble();
      };
    }

    @Override
    public String toString() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  @Override
  public Integer call() throws Exception {
    if (model == null && resume == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--model=<dir>'");
    }
    if (resume != null && (label != null || config != null || seed != null)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--resume continues with the model's own label and settings: drop --label, --config and --seed");
    }
    if (checkpointEvery < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--checkpoint-every: expected ≥ 1, found " + checkpointEvery);
    }
    Path target = model != null ? model : resume;
    if (format == Format.IDX) {
      if (label != null) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            "--format idx: the labels come from the IDX labels file; drop --label");
      }
      if (resume != null && preset != null) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            "--resume continues with the model's own settings: drop --preset");
      }
      return ImageTrainingRun.run(spec.commandLine(), this);
    }
    if (figures != null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--figures: only with --format idx");
    }
    if (tune) {
      if (resume != null) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--tune trains afresh: drop --resume");
      }
      return tuned(target);
    }
    try (Progress.Training progress = new Progress.Training(System.err, quiet);
        HexaGanModel trained = resume != null
            ? CsvTraining.resume(input, csv.options(), resume, target, epochs, progress, checkpointEvery)
            : CsvTraining.train(input, label, csv.options(),
                configuration(preset == null ? Preset.DEFAULT : preset, config, epochs, seed), target,
                progress, checkpointEvery)) {
      progress.close();
      TrainingSummary s = trained.summary();
      spec.commandLine().getOut().printf("trained %d epochs in %.1f s (kept epoch %d%s); model written to %s%n",
          s.epochs(), s.millis() / 1000.0, s.keptEpoch(), s.stoppedEarly() ? ", stopped early" : "", target);
      spec.commandLine().getOut().flush();
    }
    return 0;
  }

  private int tuned(Path target) throws Exception {
    HexaGanConfig base = configuration(preset == null ? Preset.DEFAULT : preset, config, epochs, seed);
    Tuning.Result result;
    try (Progress.Training progress = new Progress.Training(System.err, quiet)) {
      result = CsvTraining.tune(input, label, csv.options(), base, target, progress);
    }
    try (HexaGanModel chosen = result.model()) {
      java.io.PrintWriter out = spec.commandLine().getOut();
      for (Tuning.Trial t : result.trials()) {
        out.printf("candidate %s: validation score %.5f (kept epoch %d of %d, %.1f s)%n", t.name(), t.validationScore(),
            t.keptEpoch(), t.epochs(), t.millis() / 1000.0);
      }
      out.printf("chose %s; model written to %s%n", result.chosen(), target);
      out.flush();
    }
    return 0;
  }

  static HexaGanConfig configuration(Preset preset, Path file, Integer epochs, Long seed) {
    HexaGanConfig c = preset.config();
    if (file != null) {
      c = ConfigJson.read(file, c);
    }
    if (epochs != null) {
      c = c.withSchedule(c.schedule().withMaxEpochs(epochs));
    }
    if (seed != null) {
      c = c.withSeed(seed);
    }
    return c;
  }
}
