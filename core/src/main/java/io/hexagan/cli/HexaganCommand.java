package io.hexagan.cli;

import io.hexagan.training.Version;
import org.tensorflow.TensorFlow;
import picocli.CommandLine.Command;

/** {@code hexagan}: the top-level command; it only holds the subcommands. */
@Command(
    name = "hexagan",
    mixinStandardHelpOptions = true,
    versionProvider = HexaganCommand.VersionProvider.class,
    description =
        "Imputes missing cells, generates rows of a chosen class and classifies, with one HexaGAN model trained on a table with missing cells, imbalanced classes and missing labels.",
    subcommands = {
      DemoCommand.class,
      TrainCommand.class,
      ImputeCommand.class,
      ClassifyCommand.class,
      GenerateCommand.class,
      InspectCommand.class,
      EvaluateCommand.class,
      CompareCommand.class,
      ServeCommand.class,
      ServeBenchCommand.class,
      BenchCommand.class,
      BenchPenaltyCommand.class
    },
    footer = {"", "Start with: hexagan demo"})
public final class HexaganCommand {

  /** Prints hexagan's and TensorFlow's versions. */
  static final class VersionProvider implements picocli.CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"hexagan " + Version.HEXAGAN, "TensorFlow " + TensorFlow.version()};
    }
  }
}
