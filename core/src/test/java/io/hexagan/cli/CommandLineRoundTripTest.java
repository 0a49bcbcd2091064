package io.hexagan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Train in this JVM, then impute, classify, generate and inspect in fresh JVMs, through the model
 * directory alone, on a table with a categorical column, a text label and missing cells.
 */
class CommandLineRoundTripTest {
  @TempDir static Path dir;
  static Path input;
  static Path model;
  static List<List<String>> rows;

  @BeforeAll
  static void train() throws IOException {
    SplittableRandom r = new SplittableRandom(11);
    StringBuilder csv = new StringBuilder("id,height,colour,\"weight, kg\",outcome\n");
    rows = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      boolean sick = r.nextDouble() < 0.3;
      String height = String.format(java.util.Locale.ROOT, "%.2f", (sick ? 150 : 175) + 8 * r.nextGaussian());
      String colour = sick ? (r.nextBoolean() ? "red" : "blue") : "green";
      String weight = String.format(java.util.Locale.ROOT, "%.1f", (sick ? 60 : 80) + 5 * r.nextGaussian());
      List<String> row = new ArrayList<>(List.of("00" + i, height, colour, weight, sick ? "sick" : "well"));
      for (int c = 1; c < 4; c++) {
        if (r.nextDouble() < 0.15) {
          row.set(c, c == 2 ? "NA" : "");
        }
      }
      if (r.nextDouble() < 0.2) {
        row.set(4, "");
      }
      rows.add(row);
      csv.append(String.join(",", row.stream().map(v -> v.contains(",") ? "\"" + v + "\"" : v).toList())).append('\n');
    }
    input = dir.resolve("people.csv");
    Files.writeString(input, csv);
    model = dir.resolve("model");
    CliRunner.Run run = CliRunner.run("train", "--input", input.toString(), "--label", "outcome", "--model",
        model.toString(), "--epochs", "5", "--seed", "3", "--quiet");
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("model written to"), run.out());
  }

  private static String freshJvm(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(List.of(args));
    Path log = Files.createTempFile(dir, "jvm", ".log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertTrue(p.waitFor(180, TimeUnit.SECONDS));
    String output = Files.readString(log);
    assertEquals(0, p.exitValue(), output);
    return output;
  }

  private static List<CSVRecord> read(Path file) throws IOException {
    try (Reader in = Files.newBufferedReader(file)) {
      return CSVFormat.DEFAULT.parse(in).getRecords();
    }
  }

  @Test
  void imputeKeepsObservedTextAndFillsEveryGap() throws Exception {
    Path out = dir.resolve("imputed.csv");
    freshJvm("impute", "--model", model.toString(), "--input", input.toString(), "--output", out.toString(), "-q");
    List<CSVRecord> records = read(out);
    assertEquals(List.of("id", "height", "colour", "weight, kg", "outcome"), records.get(0).toList());
    assertEquals(rows.size() + 1, records.size());
    for (int i = 0; i < rows.size(); i++) {
      List<String> in = rows.get(i);
      CSVRecord o = records.get(i + 1);
      assertEquals(in.get(0), o.get(0), "id passes through");
      assertEquals(in.get(4), o.get(4), "label passes through, empty or not");
      for (int c = 1; c < 4; c++) {
        boolean missing = in.get(c).isEmpty() || in.get(c).equals("NA");
        if (missing) {
          assertFalse(o.get(c).isEmpty(), "filled row " + i + " column " + c);
          if (c == 2) {
            assertTrue(Set.of("red", "blue", "green").contains(o.get(c)), o.get(c));
          } else {
            Double.parseDouble(o.get(c));
          }
        } else {
          assertEquals(in.get(c), o.get(c), "observed text verbatim, row " + i + " column " + c);
        }
      }
    }
  }

  @Test
  void classifyAddsPredictionAndProbabilities() throws Exception {
    Path out = dir.resolve("classified.csv");
    freshJvm("classify", "--model", model.toString(), "--input", input.toString(), "--output", out.toString(), "-q");
    List<CSVRecord> records = read(out);
    assertEquals(List.of("id", "height", "colour", "weight, kg", "outcome", "predicted_outcome", "p_sick", "p_well"),
        records.get(0).toList());
    for (CSVRecord r : records.subList(1, records.size())) {
      double ps = Double.parseDouble(r.get(6));
      double pw = Double.parseDouble(r.get(7));
      assertEquals(1.0, ps + pw, 1e-5);
      assertEquals(ps > pw ? "sick" : "well", r.get(5));
    }
  }

  @Test
  void generateWritesRowsOfTheClassAndIsReproducible() throws Exception {
    Path a = dir.resolve("gen-a.csv");
    Path b = dir.resolve("gen-b.csv");
    freshJvm("generate", "--model", model.toString(), "--class", "sick", "--count", "25", "--seed", "4", "--output", a.toString());
    freshJvm("generate", "--model", model.toString(), "--class", "sick", "--count", "25", "--seed", "4", "--output", b.toString());
    List<CSVRecord> records = read(a);
    // Every feature column of the schema (the numeric id column is a feature too), then the label.
    assertEquals(List.of("id", "height", "colour", "weight, kg", "outcome"), records.get(0).toList());
    assertEquals(26, records.size());
    for (CSVRecord r : records.subList(1, records.size())) {
      assertEquals("sick", r.get(4));
      assertTrue(Set.of("red", "blue", "green").contains(r.get(2)));
    }
    assertEquals(Files.readString(a), Files.readString(b), "same seed, same rows");
  }

  @Test
  void inspectDescribesTheModel() throws Exception {
    String out = freshJvm("inspect", "--model", model.toString());
    assertTrue(out.contains("colour") && out.contains("categorical") && out.contains("[blue, green, red]"), out);
    assertTrue(out.contains("classes: sick, well"), out);
    assertTrue(out.contains("\"seed\" : 3"), out);
    assertTrue(out.contains("1 Session.run per iteration"), out);
    assertTrue(out.matches("(?s).*validation split sha256 [0-9a-f]{64}, .*"), out);
  }

  @Test
  void inspectDrawsTheTsneOfATabularModelsHiddenSpace() throws IOException {
    Path png = dir.resolve("hidden.png");
    CliRunner.Run r = CliRunner.run("inspect", "--model", model.toString(), "--tsne", png.toString(), "--input",
        input.toString(), "--tsne-generated", "20");
    assertEquals(0, r.exit(), r.err());
    // 150 rows and 20 generated per class (sick, well).
    assertTrue(r.out().startsWith("t-SNE of 190 hidden vectors written to " + png), r.out());
    java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
    assertEquals(560, image.getWidth());
    assertEquals(600, image.getHeight());
    assertEquals(2, CliRunner.run("inspect", "--model", model.toString(), "--tsne", png.toString()).exit(),
        "--tsne needs --input");
  }
}
