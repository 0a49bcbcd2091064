package io.hexagan.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hexagan.training.EpochProbe;
import io.hexagan.training.EpochReport;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PNG figures: written, decodable, of the expected size, and drawing what they were given. */
class FiguresTest {
  private static final int SIDE = 4;

  @Test
  void imageGridDrawsInkMissingPixelsAndLabelledRows(@TempDir Path dir) throws IOException {
    double[] image = new double[SIDE * SIDE];
    image[0] = 1;
    image[1] = Double.NaN;
    Path file = dir.resolve("grid.png");
    new ImageGrid("title", SIDE, SIDE, 5).add("a", List.of(image, image, image)).add("b", List.of(image)).write(file);
    BufferedImage png = ImageIO.read(file.toFile());
    // 150 label pixels, 3 columns of 4·5 + 4, a 4 pixel margin; a 28 pixel title and 2 rows of 20 + 4.
    assertEquals(150 + 3 * 24 + 4, png.getWidth());
    assertEquals(28 + 2 * 24 + 4, png.getHeight());
    assertEquals(0x000000, png.getRGB(150 + 2, 28 + 2) & 0xffffff, "ink of a pixel at 1 is black");
    assertEquals(ImageGrid.MISSING.getRGB(), png.getRGB(150 + 5 + 2, 28 + 2), "a missing pixel");
    assertEquals(0xffffff, png.getRGB(150 + 10 + 2, 28 + 2) & 0xffffff, "a pixel at 0 is white");
  }

  /** A probe whose imputation is 0.5 + epoch/100 everywhere and whose hidden vectors sit by class. */
  private static EpochProbe probe(int epoch) {
    return new EpochProbe() {
      @Override
      public Imputation impute(double[][] rows) {
        double[][] filled = new double[rows.length][SIDE * SIDE];
        double[][] hidden = new double[rows.length][3];
        for (int r = 0; r < rows.length; r++) {
          java.util.Arrays.fill(filled[r], 0.5 + epoch / 100.0);
          hidden[r][r % 2] = 5 + new SplittableRandom(r).nextDouble();
        }
        return new Imputation(filled, filled, hidden);
      }

      @Override
      public Generation generate(int[] classIds) {
        double[][] hidden = new double[classIds.length][3];
        double[][] rows = new double[classIds.length][SIDE * SIDE];
        for (int i = 0; i < classIds.length; i++) {
          hidden[i][classIds[i]] = 5 + new SplittableRandom(100 + i).nextDouble();
          java.util.Arrays.fill(rows[i], classIds[i]);
        }
        return new Generation(hidden, rows);
      }

      @Override
      public double[][] classify(double[][] rows) {
        throw new UnsupportedOperationException("the figures do not classify");
      }
    };
  }

  @Test
  void trainingFiguresWriteThreeNonEmptyPngsAndReplaceAnUnreachedEpochByTheLast(@TempDir Path dir) throws IOException {
    double[][] shown = new double[3][SIDE * SIDE];
    double[][] hidden = new double[30][SIDE * SIDE];
    int[] classes = new int[30];
    for (int i = 0; i < classes.length; i++) {
      classes[i] = i % 2;
    }
    TrainingFigures.Plan plan = new TrainingFigures.Plan(SIDE, SIDE, List.of("a", "b"), shown, shown,
        new TreeSet<>(List.of(1, 2, 50)), hidden, classes, 10, 4, new Tsne(5, 100, 1));
    List<Integer> delegated = new ArrayList<>();
    TrainingFigures figures = new TrainingFigures(plan, r -> delegated.add(r.epoch()));
    for (int e = 1; e <= 3; e++) {
      EpochReport report = new EpochReport(e, false, 1, Map.of(), null, false, 1);
      figures.onEpoch(report);
      figures.afterEpoch(report, probe(e));
    }
    assertEquals(List.of(1, 2, 3), delegated, "events reach the delegate");
    List<Path> files = figures.write(dir.resolve("figs"));
    assertEquals(List.of(TrainingFigures.IMPUTATION, TrainingFigures.HIDDEN_SPACE, TrainingFigures.GENERATION),
        files.stream().map(p -> p.getFileName().toString()).toList());
    for (Path f : files) {
      assertTrue(Files.size(f) > 0);
    }
    BufferedImage fig3 = ImageIO.read(files.get(0).toFile());
    // Rows: input, epochs 1, 2 and 3 (in place of 50), original, x̄: 6 rows of 4·3 + 4 under the title.
    assertEquals(28 + 6 * 16 + 4, fig3.getHeight());
    BufferedImage fig4 = ImageIO.read(files.get(1).toFile());
    assertEquals(3 * 560, fig4.getWidth(), "one t-SNE panel per drawn epoch");
    assertEquals(600, fig4.getHeight());
    BufferedImage fig5 = ImageIO.read(files.get(2).toFile());
    // One row per class (2) of samplesPerClass (4) images at scale 2.
    assertEquals(150 + 4 * (SIDE * 2 + 4) + 4, fig5.getWidth());
    assertEquals(28 + 2 * (SIDE * 2 + 4) + 4, fig5.getHeight());
    // Class b's generated images are all ink (1), class a's all blank (0).
    assertEquals(0x000000, fig5.getRGB(150 + 1, 28 + SIDE * 2 + 4 + 1) & 0xffffff);
    assertEquals(0xffffff, fig5.getRGB(150 + 1, 28 + 1) & 0xffffff);
    java.util.Set<Integer> colours = new java.util.HashSet<>();
    for (int x = 0; x < fig4.getWidth(); x += 3) {
      for (int y = 0; y < fig4.getHeight(); y += 3) {
        colours.add(fig4.getRGB(x, y));
      }
    }
    assertTrue(colours.size() > 10, "points in two class colours, axes and text: " + colours.size() + " colours");
  }
}
