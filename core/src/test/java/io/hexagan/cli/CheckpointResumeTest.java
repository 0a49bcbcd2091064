package io.hexagan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hexagan.savedmodel.ModelDirectory;
import io.hexagan.training.EpochReport;
import io.hexagan.training.HexaGanModel;
import io.hexagan.training.TrainingSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints while training, {@code --resume} after a finished run and after {@code kill -9}. */
class CheckpointResumeTest {
  @TempDir Path dir;

  private Path table(int rows) throws IOException {
    SplittableRandom r = new SplittableRandom(5);
    StringBuilder csv = new StringBuilder("a,b,c,d,label\n");
    for (int i = 0; i < rows; i++) {
      double z = r.nextGaussian();
      csv.append(String.format(Locale.ROOT, "%s,%s,%.3f,%.3f,%s%n", r.nextDouble() < 0.2 ? "" : String.format(Locale.ROOT, "%.3f", z),
          r.nextDouble() < 0.2 ? "" : String.format(Locale.ROOT, "%.3f", 2 * z + 0.1 * r.nextGaussian()),
          r.nextGaussian(), z - 1, r.nextDouble() < 0.2 ? "" : z > 0.5 ? "yes" : "no"));
    }
    Path input = dir.resolve("t.csv");
    Files.writeString(input, csv);
    return input;
  }

  private static List<EpochReport> mainEpochs(TrainingSummary s) {
    return s.history().stream().filter(e -> !e.warmup()).toList();
  }

  @Test
  void resumeContinuesAFinishedRunWithItsHistory() throws IOException {
    Path input = table(200);
    Path model = dir.resolve("model");
    String[] common = {"--input", input.toString(), "-q"};
    CliRunner.Run first = CliRunner.run(concat(common, "--label", "label", "--model", model.toString(), "--epochs", "4",
        "--checkpoint-every", "2"));
    assertEquals(0, first.exit(), first.err());
    TrainingSummary before;
    try (HexaGanModel m = HexaGanModel.load(model)) {
      before = m.summary();
    }
    assertEquals(4, before.epochs());
    CliRunner.Run second = CliRunner.run(concat(common, "--resume", model.toString(), "--epochs", "7"));
    assertEquals(0, second.exit(), second.err());
    try (HexaGanModel m = HexaGanModel.load(model)) {
      TrainingSummary after = m.summary();
      assertEquals(7, after.epochs());
      List<EpochReport> main = mainEpochs(after);
      assertEquals(7, main.size());
      assertEquals(mainEpochs(before), main.subList(0, 4), "the first run's epochs are kept as they were");
      assertEquals(List.of(5, 6, 7), main.subList(4, 7).stream().map(EpochReport::epoch).toList());
      assertEquals(before.history().size() - 4, after.history().size() - 7, "no second warm-up");
    }
  }

  @Test
  void resumeRefusesAnotherTable() throws IOException {
    Path input = table(120);
    Path model = dir.resolve("model");
    assertEquals(0, CliRunner.run("train", "--input", input.toString(), "--label", "label", "--model", model.toString(),
        "--epochs", "1", "-q").exit());
    Files.writeString(input, Files.readString(input).replace("label\n", "label\n1,2,3,4,yes\n"));
    CliRunner.Run r = CliRunner.run("train", "--input", input.toString(), "--resume", model.toString(), "-q");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("not the table this model was trained on"), r.err());
  }

  @Test
  void killedRunResumesFromItsLastCheckpointAndFinishes() throws Exception {
    Path input = table(1200);
    Path model = dir.resolve("model");
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "train", "--input", input.toString(),
        "--label", "label", "--model", model.toString(), "--epochs", "15", "--checkpoint-every", "1", "-q"));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("train.log").toFile()).start();
    Path metadata = model.resolve(ModelDirectory.ASSETS).resolve(ModelDirectory.METADATA);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    int checkpointed = 0;
    while (System.nanoTime() < deadline && p.isAlive()) {
      if (Files.exists(metadata)) {
        try (HexaGanModel m = HexaGanModel.load(model)) {
          checkpointed = m.summary().epochs();
        } catch (RuntimeException e) {
          checkpointed = 0; // replaced while reading: try again
        }
        if (checkpointed >= 3) {
          break;
        }
      }
      Thread.sleep(100);
    }
    assertTrue(p.isAlive(), "still training when killed: " + Files.readString(dir.resolve("train.log")));
    assertTrue(checkpointed >= 3, "a checkpoint was written");
    p.destroyForcibly(); // SIGKILL
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(137, p.exitValue(), "killed by SIGKILL");

    CliRunner.Run resumed = CliRunner.run("train", "--input", input.toString(), "--resume", model.toString(), "-q");
    assertEquals(0, resumed.exit(), resumed.err());
    try (HexaGanModel m = HexaGanModel.load(model)) {
      TrainingSummary s = m.summary();
      assertTrue(s.epochs() == 15 || s.stoppedEarly(), "finished: " + s.epochs() + " epochs");
      List<EpochReport> main = mainEpochs(s);
      assertEquals(s.epochs(), main.size());
      for (int e = 0; e < main.size(); e++) {
        assertEquals(e + 1, main.get(e).epoch(), "one history without gaps or repeats");
      }
      assertTrue(m.classify(new double[][] {{0.1, 0.2, 0.3, -0.9}})[0][0] >= 0);
    }
    try (var siblings = Files.list(dir)) {
      assertEquals(List.of(), siblings.filter(q -> q.getFileName().toString().startsWith(".model")).toList(),
          "no temporary directories left");
    }
  }

  private static String[] concat(String[] a, String... b) {
    List<String> all = new ArrayList<>(List.of("train"));
    all.addAll(List.of(a));
    all.addAll(List.of(b));
    return all.toArray(new String[0]);
  }
}
