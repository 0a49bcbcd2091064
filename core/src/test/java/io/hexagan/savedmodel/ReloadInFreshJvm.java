package io.hexagan.savedmodel;

import io.hexagan.training.HexaGanModel;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run in a separate JVM by {@link SavedModelRoundTripTest}: loads a model directory, imputes,
 * classifies and generates from the rows in a binary input file, and writes the results.
 */
public final class ReloadInFreshJvm {
  private ReloadInFreshJvm() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    double[][] rows;
    try (DataInputStream in = new DataInputStream(Files.newInputStream(Path.of(args[1])))) {
      rows = SavedModelRoundTripTest.readMatrix(in);
    }
    try (HexaGanModel model = HexaGanModel.load(dir);
        DataOutputStream out = new DataOutputStream(Files.newOutputStream(Path.of(args[2])))) {
      SavedModelRoundTripTest.writeMatrix(out, model.impute(rows, 5));
      SavedModelRoundTripTest.writeMatrix(out, model.classify(rows, 5));
      SavedModelRoundTripTest.writeMatrix(out, model.generate(1, 7, 5));
    }
  }
}
