package io.hexagan.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Random tables written as CSV (random numbers and categories, missing markers, quoting, unicode
 * header names, optional BOM) read back: the reader either refuses the table with a {@link
 * DataException} or returns every observed cell as written, every missing cell as missing, and the
 * table's shape.
 */
class CsvReaderProperties {
  private static final List<String> MARKERS = List.of("", "NA", "N/A", "NaN", "null", "?", " na ");

  /** A generated table: header, cells (null = missing), and whether each column is numeric. */
  record Table(List<String> header, List<List<String>> cells, boolean[] numeric, boolean bom) {}

  @Provide
  Arbitrary<Table> tables() {
    Arbitrary<Integer> columns = Arbitraries.integers().between(1, 6);
    Arbitrary<Integer> rows = Arbitraries.integers().between(0, 40);
    return Combinators.combine(columns, rows, Arbitraries.longs(), Arbitraries.of(true, false))
        .as((c, r, seed, bom) -> generate(c, r, seed, bom));
  }

  private static Table generate(int columns, int rows, long seed, boolean bom) {
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    Set<String> names = new LinkedHashSet<>();
    String[] pool = {"ä", "日本", "x,y", "quo\"te", " sp", "col", "α β", "line\nbreak", "é"};
    while (names.size() < columns) {
      names.add(pool[random.nextInt(pool.length)] + names.size());
    }
    boolean[] numeric = new boolean[columns];
    for (int c = 0; c < columns; c++) {
      numeric[c] = random.nextBoolean();
    }
    List<List<String>> cells = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      List<String> row = new ArrayList<>();
      for (int c = 0; c < columns; c++) {
        if (random.nextDouble() < 0.25) {
          row.add(null);
        } else if (numeric[c]) {
          row.add(Double.toString(Math.round(random.nextGaussian() * 1e6) / 1e3));
        } else {
          String[] cats = {"red", "grün", "a,b", "\"q\"", "multi\nline", "z"};
          row.add(cats[random.nextInt(cats.length)]);
        }
      }
      cells.add(row);
    }
    return new Table(new ArrayList<>(names), cells, numeric, bom);
  }

  @Property(tries = 150)
  void observedCellsAndShapeSurviveOrTheTableIsRefused(@ForAll("tables") Table t,
      @ForAll("markers") String marker) throws IOException {
    StringWriter text = new StringWriter();
    try (CSVPrinter p = new CSVPrinter(text, CSVFormat.DEFAULT)) {
      p.printRecord(t.header());
      for (List<String> row : t.cells()) {
        List<String> out = new ArrayList<>();
        for (String v : row) {
          out.add(v == null ? marker : v);
        }
        p.printRecord(out);
      }
    }
    Path file = Files.createTempFile("property", ".csv");
    try {
      byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
      byte[] bytes = body;
      if (t.bom()) {
        bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
      }
      Files.write(file, bytes);
      CsvTable table;
      try {
        table = new CsvTableReader(CsvOptions.DEFAULT).readAll(file);
      } catch (DataException refused) {
        assertTrue(refused.getMessage().contains(file.toString()), refused.getMessage());
        return;
      }
      assertEquals(t.header(), table.header());
      assertEquals(t.cells().size(), table.rows().size());
      for (int r = 0; r < t.cells().size(); r++) {
        for (int c = 0; c < t.header().size(); c++) {
          String expected = t.cells().get(r).get(c);
          String read = table.rows().get(r).cell(c);
          if (expected == null) {
            assertTrue(CsvOptions.DEFAULT.isMissing(read), "missing marker " + read);
          } else {
            assertEquals(expected, read, "cell " + r + "," + c);
          }
        }
      }
      try {
        MaskedTable encoded = new CsvTableReader(CsvOptions.DEFAULT).training(table, null).table();
        assertEquals(t.cells().size(), encoded.rows());
        for (int r = 0; r < encoded.rows(); r++) {
          int f = 0;
          for (int c = 0; c < t.header().size(); c++) {
            String v = t.cells().get(r).get(c);
            if (t.numeric()[c] && allNumeric(t, c)) {
              assertEquals(v == null ? Double.NaN : Double.parseDouble(v), encoded.values()[r][f], 0.0);
              f++;
            } else {
              f += categories(t, c);
            }
          }
        }
      } catch (DataException refused) {
        assertTrue(refused.getMessage().contains(file.toString()), refused.getMessage());
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Provide
  Arbitrary<String> markers() {
    return Arbitraries.of(MARKERS);
  }

  private static boolean allNumeric(Table t, int c) {
    return t.numeric()[c];
  }

  private static int categories(Table t, int c) {
    Set<String> s = new LinkedHashSet<>();
    for (List<String> row : t.cells()) {
      if (row.get(c) != null) {
        s.add(row.get(c));
      }
    }
    return s.size();
  }
}
