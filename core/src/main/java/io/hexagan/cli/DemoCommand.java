package io.hexagan.cli;

import io.hexagan.eval.DemoRun;
import io.hexagan.training.HexaGanConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hexagan demo}. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Trains on the bundled breast table with 20%% of cells and labels blanked (fixed seed), then reports imputation RMSE against column-mean imputation and F1 on a held-out 20%%.",
    showDefaultValues = true,
    footer = {"", "Example:", "  hexagan demo --output-dir hexagan-demo"})
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-o", "--output-dir"}, paramLabel = "<dir>", defaultValue = "hexagan-demo",
      description = "Where the blanked tables and the model go.")
  Path outputDir;

  @Option(names = "--epochs", paramLabel = "<n>", description = "Epoch budget (default: the config's).")
  Integer epochs;

  @Option(names = "--seed", paramLabel = "<n>", defaultValue = "0", description = "Seed of the blanking, the split and training.")
  long seed;

  @Option(names = "--preset", paramLabel = "<name>", defaultValue = "default",
      description = "Base settings: ${COMPLETION-CANDIDATES}.")
  TrainCommand.Preset preset;

  @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    HexaGanConfig config = TrainCommand.configuration(preset, null, epochs, seed);
    DemoRun.Result r;
    try (Progress.Training progress = new Progress.Training(System.err, quiet)) {
      r = DemoRun.run(outputDir, config, seed, progress);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "breast: %d training rows (20%% of cells and labels blanked), %d held-out rows%n",
        r.trainRows(), r.heldOutRows());
    out.printf(Locale.ROOT, "trained %d epochs in %.1f s%n%n", r.epochs(), r.seconds());
    out.println("imputation RMSE over the blanked cells ([0,1]-scaled; lower is better)");
    out.println("  method          all cells   per row");
    out.printf(Locale.ROOT, "  HexaGAN         %9.4f  %8.4f%n", r.rmseHexagan(), r.rmseHexaganPerRow());
    out.printf(Locale.ROOT, "  column mean     %9.4f  %8.4f%n%n", r.rmseMean(), r.rmseMeanPerRow());
    out.printf(Locale.ROOT, "held-out F1 of class %s (the minority class): %.4f%n%n", r.minorityClass(), r.f1());
    Path model = outputDir.resolve("model");
    out.println("model written to " + model + "; try:");
    out.println("  bin/hexagan impute --model " + model + " --input " + outputDir.resolve("breast-train.csv")
        + " --output " + outputDir.resolve("breast-imputed.csv"));
    out.println("  bin/hexagan classify --model " + model + " --input " + outputDir.resolve("breast-holdout.csv")
        + " --output " + outputDir.resolve("breast-classified.csv"));
    out.println("  bin/hexagan generate --model " + model + " --class 0 --count 100 --output "
        + outputDir.resolve("breast-malignant.csv"));
    out.flush();
    return 0;
  }
}
