package io.hexagan.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hexagan.io.CsvOptions;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Random inputs through {@code impute} of one trained model (numbers written in many ways, missing
 * markers, quoting, shuffled columns, label present or not): the output has the input's header
 * and rows, every observed cell's exact text, and no missing cell.
 */
class ImputePathProperties {
  private static Path dir;
  private static CsvPrediction prediction;
  private static final Set<String> COLOURS = Set.of("red", "green", "blue, dark");

  @BeforeContainer
  static void train() throws IOException {
    dir = Files.createTempDirectory("impute-properties");
    SplittableRandom r = new SplittableRandom(2);
    StringBuilder csv = new StringBuilder("a,b,colour,label\n");
    for (int i = 0; i < 60; i++) {
      double z = r.nextGaussian();
      csv.append(String.format(Locale.ROOT, "%.3f,%.3f,\"%s\",%s%n", z, 3 * z + 1,
          List.copyOf(COLOURS).get(r.nextInt(3)), z > 0 ? "yes" : "no"));
    }
    Path input = dir.resolve("train.csv");
    Files.writeString(input, csv);
    HexaGanConfig c = SyntheticTables.quick(2);
    try (HexaGanModel m = CsvTraining.train(input, "label", CsvOptions.DEFAULT, c, dir.resolve("model"),
        TrainingListener.NONE)) {
      // written
    }
    prediction = CsvPrediction.open(dir.resolve("model"), CsvOptions.DEFAULT);
  }

  @AfterContainer
  static void close() throws IOException {
    prediction.close();
    org.apache.commons.io.file.PathUtils.deleteDirectory(dir);
  }

  @Property(tries = 40)
  void observedTextAndShapePreserved(@ForAll long seed) throws IOException {
    SplittableRandom r = new SplittableRandom(seed);
    List<String> header = new ArrayList<>(List.of("a", "b", "colour"));
    if (r.nextBoolean()) {
      header.add("label");
    }
    Collections.shuffle(header, new java.util.Random(seed));
    String[] markers = {"", "NA", "n/a", "NaN", "null", "?", "  NA  "};
    String[] numberForms = {"%.3f", "%.0f", "%e", "00%.2f", "%.6E", "+%.1f"};
    int rows = 1 + r.nextInt(30);
    List<List<String>> cells = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      List<String> row = new ArrayList<>();
      for (String h : header) {
        if (r.nextDouble() < 0.3) {
          row.add(markers[r.nextInt(markers.length)]);
        } else if (h.equals("colour")) {
          row.add(List.copyOf(COLOURS).get(r.nextInt(3)));
        } else if (h.equals("label")) {
          row.add(r.nextBoolean() ? "yes" : "no");
        } else {
          String form = numberForms[r.nextInt(numberForms.length)];
          double v = Math.abs(r.nextGaussian()) * 3;
          row.add(String.format(Locale.ROOT, form, v));
        }
      }
      cells.add(row);
    }
    StringWriter text = new StringWriter();
    try (CSVPrinter p = new CSVPrinter(text, CSVFormat.DEFAULT)) {
      p.printRecord(header);
      for (List<String> row : cells) {
        p.printRecord(row);
      }
    }
    Path in = dir.resolve("in-" + Long.toHexString(seed) + ".csv");
    Path out = dir.resolve("out-" + Long.toHexString(seed) + ".csv");
    Files.writeString(in, text.toString());
    try {
      prediction.impute(in, out, n -> { });
      List<CSVRecord> records;
      try (Reader reader = Files.newBufferedReader(out)) {
        records = CSVFormat.DEFAULT.parse(reader).getRecords();
      }
      assertEquals(header, records.get(0).toList());
      assertEquals(rows + 1, records.size());
      for (int i = 0; i < rows; i++) {
        for (int c = 0; c < header.size(); c++) {
          String given = cells.get(i).get(c);
          String written = records.get(i + 1).get(c);
          boolean missing = CsvOptions.DEFAULT.isMissing(given);
          if (header.get(c).equals("label") || !missing) {
            assertEquals(given, written, "row " + i + " column " + header.get(c));
          } else {
            assertFalse(CsvOptions.DEFAULT.isMissing(written), "filled: row " + i + " column " + header.get(c));
            if (header.get(c).equals("colour")) {
              assertTrue(COLOURS.contains(written), written);
            } else {
              assertTrue(Double.isFinite(Double.parseDouble(written)), written);
            }
          }
        }
      }
    } finally {
      Files.deleteIfExists(in);
      Files.deleteIfExists(out);
    }
  }
}
