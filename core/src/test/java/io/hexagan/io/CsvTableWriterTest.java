package io.hexagan.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableWriterTest {

  @TempDir
  Path dir;

  private final CsvTableReader reader = new CsvTableReader(CsvOptions.DEFAULT);

  private static final String TRAINING = """
      price,code,color,note,y
      1.50,007,red,"a, b",yes
      ,1e3,NA,x,no
      2.0, 12 ,"blue","multi
      line",
      """;

  /** A stand-in for the engine: fills each missing numeric feature with 4.25 and prefers the last category. */
  private static double[][] fakeImpute(MaskedTable table) {
    double[][] out = new double[table.rows()][];
    for (int r = 0; r < table.rows(); r++) {
      out[r] = table.values()[r].clone();
      for (int c = 0; c < out[r].length; c++) {
        if (Double.isNaN(out[r][c])) {
          out[r][c] = table.columns().get(c).contains("=") ? c * 0.01 : 4.25;
        }
      }
    }
    return out;
  }

  private Path impute(Path input, TableSchema schema, Path output, int chunkRows) throws IOException {
    TableEncoder encoder = new TableEncoder(schema, CsvOptions.DEFAULT);
    OutputRows rows = new OutputRows(encoder);
    try (CsvChunkReader chunks = reader.open(input, schema, chunkRows);
        CsvTableWriter writer = CsvTableWriter.create(output, chunks.header(), CsvOptions.DEFAULT)) {
      while (chunks.hasNext()) {
        CsvChunk chunk = chunks.next();
        writer.writeAll(rows.imputed(chunk, fakeImpute(chunk.table())));
      }
      writer.commit();
    }
    return output;
  }

  private List<String> listing() throws IOException {
    try (var files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void imputeOutputKeepsObservedCellsVerbatimAndFillsMissingOnes() throws IOException {
    Path input = Csv.file(dir, "in.csv", TRAINING);
    TableSchema schema = reader.readTraining(input, "y").schema();

    Path output = impute(input, schema, dir.resolve("out.csv"), 2);

    assertEquals("""
        price,code,color,note,y
        1.50,007,red,"a, b",yes
        4.25,1e3,red,x,no
        2.0," 12 ",blue,"multi
        line",
        """, Csv.read(output));
  }

  @Test
  void everyObservedCellReadsBackIdentical() throws IOException {
    Path input = Csv.file(dir, "in.csv", "a,b,c\n1.50,007,x\n1e3,-0.0,\"q\"\"uote\"\n ,+.5,y\n0001.000,NA,\" z \"\n");
    TableSchema schema = reader.readTraining(input, null).schema();

    Path output = impute(input, schema, dir.resolve("out.csv"), 3);

    CsvTable before = reader.readAll(input);
    CsvTable after = reader.readAll(output);
    assertEquals(before.header(), after.header());
    assertEquals(before.rows().size(), after.rows().size());
    int filled = 0;
    for (int r = 0; r < before.rows().size(); r++) {
      for (int c = 0; c < before.header().size(); c++) {
        String in = before.rows().get(r).cell(c);
        String out = after.rows().get(r).cell(c);
        if (CsvOptions.DEFAULT.isMissing(in)) {
          filled++;
          assertFalse(CsvOptions.DEFAULT.isMissing(out), "filled: row " + r + " column " + c);
        } else {
          assertEquals(in, out, "row " + r + " column " + c);
        }
      }
    }
    assertEquals(2, filled);
  }

  /** Missing cells stay as they were; an empty first cell is quoted so the record is not a blank line. */
  @Test
  void classifyOutputAppendsPredictionAndProbabilities() throws IOException {
    Path input = Csv.file(dir, "in.csv", TRAINING);
    TableSchema schema = reader.readTraining(input, "y").schema();
    OutputRows rows = new OutputRows(new TableEncoder(schema, CsvOptions.DEFAULT));
    Path output = dir.resolve("classified.csv");

    try (CsvChunkReader chunks = reader.open(input, schema, 10);
        CsvTableWriter writer = CsvTableWriter.create(output,
            rows.classifiedHeader(chunks.source(), chunks.header()), CsvOptions.DEFAULT)) {
      CsvChunk chunk = chunks.next();
      writer.writeAll(rows.classified(chunk, new double[][] {{0.25, 0.75}, {0.5, 0.5}, {0.9, 0.1}}));
      writer.commit();
    }

    assertEquals("""
        price,code,color,note,y,predicted_y,p_no,p_yes
        1.50,007,red,"a, b",yes,yes,0.25,0.75
        "",1e3,NA,x,no,no,0.5,0.5
        2.0," 12 ",blue,"multi
        line",,no,0.9,0.1
        """, Csv.read(output));
  }

  @Test
  void classifyHeaderRefusesAClashingInputColumn() {
    TableSchema schema = TableSchema.of(List.of(ColumnSpec.numeric("p_a", 0, 1)), "y", List.of("a", "b"));
    OutputRows rows = new OutputRows(new TableEncoder(schema, CsvOptions.DEFAULT));

    DataException e = assertThrows(DataException.class, () -> rows.classifiedHeader("in.csv", List.of("p_a", "y")));

    assertEquals("in.csv, row 1, column 1 \"p_a\": the classify output adds a column of this name; rename the input column",
        e.getMessage());
  }

  @Test
  void generateOutputHasFeatureColumnsThenLabel() {
    TableSchema schema = TableSchema.of(List.of(ColumnSpec.numeric("n", 0, 1),
        ColumnSpec.categorical("c", List.of("u", "v"))), "y", List.of("a", "b"));
    OutputRows rows = new OutputRows(new TableEncoder(schema, CsvOptions.DEFAULT));

    assertEquals(List.of("n", "c", "y"), rows.generatedHeader());
    assertEquals(List.of("0.5", "v", "b"), rows.generated(new double[] {0.5, 0.3, 0.6}, 1));
  }

  @Test
  void abandonedWriteLeavesNoFile() throws IOException {
    Path target = dir.resolve("out.csv");

    try (CsvTableWriter writer = CsvTableWriter.create(target, List.of("a", "b"), CsvOptions.DEFAULT)) {
      writer.write(List.of("1", "2"));
      assertEquals(1, listing().size(), "only the temporary file exists while writing");
      assertThrows(IllegalArgumentException.class, () -> writer.write(List.of("3")));
    }

    assertEquals(List.of(), listing());
  }

  @Test
  void failedWriteLeavesAnExistingTargetUntouched() throws IOException {
    Path target = Csv.file(dir, "out.csv", "old\ncontent\n");

    try (CsvTableWriter writer = CsvTableWriter.create(target, List.of("a"), CsvOptions.DEFAULT)) {
      writer.write(List.of("new"));
    }

    assertEquals("old\ncontent\n", Csv.read(target));
    assertEquals(List.of("out.csv"), listing());
  }

  @Test
  void badRowInALateChunkLeavesNoOutput() throws IOException {
    Path input = Csv.file(dir, "in.csv", TRAINING);
    TableSchema schema = reader.readTraining(input, "y").schema();
    StringBuilder text = new StringBuilder("price,code,color,note\n");
    for (int i = 0; i < 50; i++) {
      text.append(i).append(",1,red,x\n");
    }
    text.append("1,1,green,x\n");
    Path bad = Csv.file(dir, "bad.csv", text.toString());

    DataException e = assertThrows(DataException.class, () -> impute(bad, schema, dir.resolve("out.csv"), 8));

    assertTrue(e.getMessage().startsWith(bad + ", row 52, column 3 \"color\": unseen category \"green\""), e.getMessage());
    assertEquals(List.of("bad.csv", "in.csv"), listing());
  }

  @Test
  void commitReplacesTheTargetAndForbidsFurtherWrites() throws IOException {
    Path target = Csv.file(dir, "out.csv", "old\n");
    CsvTable table = CsvTable.of("t", List.of("a", "b"), List.of(List.of("1", "x,y")));

    CsvTableWriter.writeAll(target, table, CsvOptions.DEFAULT);

    assertEquals("a,b\n1,\"x,y\"\n", Csv.read(target));
    assertEquals(List.of("out.csv"), listing());
    CsvTableWriter writer = CsvTableWriter.create(dir.resolve("other.csv"), List.of("a"), CsvOptions.DEFAULT);
    writer.commit();
    assertThrows(IllegalStateException.class, () -> writer.write(List.of("1")));
    assertEquals("a\n", Csv.read(dir.resolve("other.csv")));
  }

  @Test
  void outputGetsTheDefaultPermissionsOfANewFile() throws IOException {
    Path plain = Files.createFile(dir.resolve("plain.csv"));
    Path target = dir.resolve("out.csv");

    CsvTableWriter.writeAll(target, CsvTable.of("t", List.of("a"), List.of(List.of("1"))), CsvOptions.DEFAULT);

    assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(target));
  }

  @Test
  void semicolonOptionsWriteSemicolons() throws IOException {
    Path target = dir.resolve("semi.csv");
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("1,5", "a;b"));

    CsvTableWriter.writeAll(target, CsvTable.of("t", List.of("x", "y"), rows), CsvOptions.DEFAULT.withDelimiter(';'));

    assertEquals("x;y\n1,5;\"a;b\"\n", Csv.read(target));
  }
}
