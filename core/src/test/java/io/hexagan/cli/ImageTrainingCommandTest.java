package io.hexagan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hexagan train --format idx} on a tiny generated IDX pair: held-out RMSE reported, figures written. */
class ImageTrainingCommandTest {
  private static final int SIDE = 8;
  private static final int IMAGES = 48;

  /** Bars: even images a horizontal bar (label 0), odd ones a vertical bar (label 1). */
  static void writeIdx(Path dir) throws IOException {
    ByteArrayOutputStream images = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(images);
    out.writeInt(2051);
    out.writeInt(IMAGES);
    out.writeInt(SIDE);
    out.writeInt(SIDE);
    SplittableRandom r = new SplittableRandom(5);
    byte[] labels = new byte[IMAGES];
    for (int i = 0; i < IMAGES; i++) {
      labels[i] = (byte) (i % 2);
      int at = r.nextInt(SIDE);
      for (int y = 0; y < SIDE; y++) {
        for (int x = 0; x < SIDE; x++) {
          out.writeByte((i % 2 == 0 ? y == at : x == at) ? 255 : 0);
        }
      }
    }
    try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve("tiny-images-idx3-ubyte.gz")))) {
      gz.write(images.toByteArray());
    }
    ByteArrayOutputStream l = new ByteArrayOutputStream();
    DataOutputStream lo = new DataOutputStream(l);
    lo.writeInt(2049);
    lo.writeInt(IMAGES);
    lo.write(labels);
    Files.write(dir.resolve("tiny-labels-idx1-ubyte"), l.toByteArray());
  }

  /** A config small enough for 8 × 8 images and a few seconds per test, no warm-up, long patience. */
  private static Path tinyConfig(Path dir) throws IOException {
    Path config = dir.resolve("tiny.json");
    Files.writeString(config, "{\"architecture\": {\"criticUnits\": 4, \"image\": {\"height\": 8, \"width\": 8,"
        + " \"channels\": 1, \"filters\": 2, \"criticFilters\": 2}},"
        + " \"optimizer\": {\"batchSize\": 8, \"conditionalUpdates\": 1},"
        + " \"schedule\": {\"warmupEpochs\": 0, \"patience\": 100}}");
    return config;
  }

  @Test
  void trainsOnIdxReportsHeldOutRmseAndWritesTheFigures(@TempDir Path dir) throws IOException {
    Path data = Files.createDirectory(dir.resolve("data"));
    writeIdx(data);
    Path config = tinyConfig(dir);
    Path figures = dir.resolve("figures");
    CliRunner.Run r = CliRunner.run("train", "--input", data.toString(), "--format", "idx", "--holdout", "8",
        "--epochs", "2", "--config", config.toString(), "--model", dir.resolve("model").toString(),
        "--figures", figures.toString(), "-q");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("on 40 images, 8 held out"), r.out());
    Matcher m = Pattern.compile("held-out imputation RMSE (\\d\\.\\d{4}) over (\\d+) missing pixels").matcher(r.out());
    assertTrue(m.find(), r.out());
    double rmse = Double.parseDouble(m.group(1));
    assertTrue(rmse > 0 && rmse < 1, "an RMSE of pixels in [0,1]: " + rmse);
    int missing = Integer.parseInt(m.group(2));
    assertTrue(missing > 8 * 64 * 0.35 && missing < 8 * 64 * 0.65, "about half of 512 pixels: " + missing);
    for (String name : new String[] {"figure3-imputation.png", "figure4-hidden-space-tsne.png",
        "figure5-class-conditional.png"}) {
      BufferedImage png = ImageIO.read(figures.resolve(name).toFile());
      assertTrue(png.getWidth() > 100 && png.getHeight() > 60, name + " " + png.getWidth() + "×" + png.getHeight());
    }
    assertTrue(Files.isRegularFile(dir.resolve("model").resolve("saved_model.pb")));
  }

  @Test
  void figuresNeedTheIdxFormat(@TempDir Path dir) {
    CliRunner.Run r = CliRunner.run("train", "--input", "x.csv", "--model", dir.resolve("m").toString(),
        "--figures", dir.toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("--figures: only with --format idx"), r.err());
  }

  @Test
  void resumesAnIdxRunOnItsOwnSplitAndRefusesAnotherSplit(@TempDir Path dir) throws IOException {
    Path data = Files.createDirectory(dir.resolve("data"));
    writeIdx(data);
    Path config = tinyConfig(dir);
    Path model = dir.resolve("model");
    CliRunner.Run first = CliRunner.run("train", "--input", data.toString(), "--format", "idx", "--holdout", "8",
        "--epochs", "2", "--config", config.toString(), "--model", model.toString(), "-q");
    assertEquals(0, first.exit(), first.err());
    assertTrue(first.out().startsWith("trained 2 epochs"), first.out());

    CliRunner.Run other = CliRunner.run("train", "--input", data.toString(), "--format", "idx", "--holdout", "8",
        "--missing-rate", "0.3", "--epochs", "3", "--resume", model.toString(), "-q");
    assertEquals(1, other.exit(), other.out() + other.err());
    assertTrue(other.err().contains("not the table this model was trained on"), other.err());

    CliRunner.Run resumed = CliRunner.run("train", "--input", data.toString(), "--format", "idx", "--holdout", "8",
        "--epochs", "3", "--resume", model.toString(), "-q");
    assertEquals(0, resumed.exit(), resumed.err());
    assertTrue(resumed.out().startsWith("trained 3 epochs"), resumed.out());
    assertTrue(resumed.out().contains("model written to " + model), resumed.out());
    assertTrue(resumed.out().contains("held-out imputation RMSE"), resumed.out());
  }
}
