package io.hexagan.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Test tables made from the credit slice, and CSV files read back as text. */
final class CreditTables {

  private CreditTables() {
  }

  /**
   * {@code copies} copies of the credit slice one after the other, each copy after the first with
   * another {@code extraMissing} of its cells blanked (seeded), so the rows differ.
   */
  static Path repeated(int copies, double extraMissing, long seed, Path target) throws IOException {
    List<List<String>> table = read(SparkFixture.CREDIT);
    SplittableRandom random = new SplittableRandom(seed);
    List<String> lines = new ArrayList<>();
    lines.add(String.join(",", table.get(0)));
    for (int copy = 0; copy < copies; copy++) {
      for (List<String> row : table.subList(1, table.size())) {
        List<String> cells = new ArrayList<>(row);
        for (int c = 0; copy > 0 && c < cells.size() - 1; c++) {
          if (random.nextDouble() < extraMissing) {
            cells.set(c, "");
          }
        }
        lines.add(String.join(",", cells));
      }
    }
    Files.write(target, lines, StandardCharsets.UTF_8);
    return target;
  }

  /** The records of a CSV file (header first), or of every part file of a Spark output directory in name order. */
  static List<List<String>> read(Path path) throws IOException {
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(path)) {
      try (var parts = Files.list(path)) {
        parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().forEach(files::add);
      }
    } else {
      files.add(path);
    }
    List<List<String>> records = new ArrayList<>();
    for (Path file : files) {
      try (CSVParser parser = CSVParser.parse(file, StandardCharsets.UTF_8, CSVFormat.DEFAULT)) {
        int n = 0;
        for (CSVRecord record : parser) {
          if (n++ > 0 || records.isEmpty()) {
            records.add(record.toList());
          }
        }
      }
    }
    return records;
  }
}
