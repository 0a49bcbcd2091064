package io.hexagan.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chunked reading and writing of a large file. */
class StreamingTest {

  private static final int ROWS = 200_000;
  private static final int CHUNK = 10_000;
  private static final TableSchema SCHEMA = TableSchema.of(List.of(ColumnSpec.numeric("x", 0, ROWS),
      ColumnSpec.numeric("z", 0, 1), ColumnSpec.categorical("c", List.of("a", "b", "c"))), "y", List.of("0", "1"));

  @TempDir
  static Path dir;

  private static Path big;

  @BeforeAll
  static void writeBigFile() throws IOException {
    big = dir.resolve("big.csv");
    try (BufferedWriter out = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
      out.write("x,z,c,y\n");
      for (int i = 0; i < ROWS; i++) {
        out.write(i + "," + (i % 7 == 0 ? "" : "0." + (i % 1000)) + "," + (char) ('a' + i % 3) + "," + (i % 5 == 0 ? "" : i % 2)
            + "\n");
      }
    }
  }

  private final CsvTableReader reader = new CsvTableReader(CsvOptions.DEFAULT);

  @Test
  void chunksAreBoundedContiguousAndCoverTheFile() {
    long expectedRow = 2;
    int chunks = 0;
    try (CsvChunkReader in = reader.open(big, SCHEMA, CHUNK)) {
      while (in.hasNext()) {
        CsvChunk chunk = in.next();
        chunks++;
        assertTrue(chunk.size() >= 1 && chunk.size() <= CHUNK, "chunk of " + chunk.size());
        assertEquals(chunk.size(), chunk.table().rows());
        assertEquals(expectedRow, chunk.rows().get(0).row());
        int i = (int) (expectedRow - 2);
        assertEquals(i, chunk.table().values()[0][0]);
        assertEquals(i % 5 == 0 ? -1 : i % 2, chunk.table().labels()[0]);
        expectedRow += chunk.size();
      }
    }
    assertEquals(ROWS + 2L, expectedRow);
    assertEquals(ROWS / CHUNK, chunks);
  }

  @Test
  void aBadRowSurfacesOnlyWhenItsChunkIsRead() throws IOException {
    Path bad = dir.resolve("bad.csv");
    Files.copy(big, bad, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(bad, "1,oops,a,1\n", java.nio.file.StandardOpenOption.APPEND);

    int delivered = 0;
    try (CsvChunkReader in = reader.open(bad, SCHEMA, CHUNK)) {
      for (int k = 0; k < ROWS / CHUNK; k++) {
        delivered += in.next().size();
      }
      DataException e = assertThrows(DataException.class, in::next);
      assertEquals(bad + ", row " + (ROWS + 2) + ", column 2 \"z\": expected a number (numeric column), found \"oops\"",
          e.getMessage());
    }
    assertEquals(ROWS, delivered);
  }

  @Test
  void imputeStreamsChunkByChunkIntoTheOutput() throws IOException {
    Path out = dir.resolve("out.csv");
    OutputRows rows = new OutputRows(new TableEncoder(SCHEMA, CsvOptions.DEFAULT));
    try (CsvChunkReader in = reader.open(big, SCHEMA, CHUNK);
        CsvTableWriter writer = CsvTableWriter.create(out, in.header(), CsvOptions.DEFAULT)) {
      while (in.hasNext()) {
        CsvChunk chunk = in.next();
        double[][] filled = new double[chunk.size()][];
        for (int i = 0; i < chunk.size(); i++) {
          filled[i] = chunk.table().values()[i].clone();
          if (Double.isNaN(filled[i][1])) {
            filled[i][1] = 0.5;
          }
        }
        writer.writeAll(rows.imputed(chunk, filled));
      }
      writer.commit();
    }

    try (BufferedReader lines = Files.newBufferedReader(out, StandardCharsets.UTF_8)) {
      assertEquals("x,z,c,y", lines.readLine());
      assertEquals("0,0.5,a,", lines.readLine());
      assertEquals("1,0.1,b,1", lines.readLine());
      assertEquals(ROWS - 2, lines.lines().count());
    }
  }
}
