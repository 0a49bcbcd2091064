package io.hexagan.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hexagan.io.CsvChunk;
import io.hexagan.io.CsvChunkReader;
import io.hexagan.io.CsvOptions;
import io.hexagan.io.CsvTableReader;
import io.hexagan.io.CsvTableWriter;
import io.hexagan.io.DataException;
import io.hexagan.io.OutputRows;
import io.hexagan.io.TableEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link CsvPrediction} reads on one thread and encodes, runs and formats chunks on others: its
 * output must be byte for byte what the plain one-chunk-at-a-time composition of the public parts
 * writes ({@link CsvChunkReader}, {@link HexaGanModel#impute(double[][], long)} with {@link
 * CsvPrediction#chunkSeed}, {@link OutputRows}, {@link CsvTableWriter}), and the first bad row in
 * file order must be the one reported.
 */
class CsvPredictionPipelineTest {
  private static final String[] COLOURS = {"red", "green", "blue, dark"};
  private static Path dir;
  private static CsvPrediction prediction;
  private static Path input;

  @BeforeAll
  static void setUp() throws IOException {
    dir = Files.createTempDirectory("pipeline");
    Path train = dir.resolve("train.csv");
    Files.writeString(train, table(80, 0.1, 1));
    try (HexaGanModel m = CsvTraining.train(train, "label", CsvOptions.DEFAULT, SyntheticTables.quick(2),
        dir.resolve("model"), TrainingListener.NONE)) {
      // written to the model directory
    }
    prediction = CsvPrediction.open(dir.resolve("model"), CsvOptions.DEFAULT);
    input = dir.resolve("input.csv");
    Files.writeString(input, table(CsvPrediction.CHUNK_ROWS * 5 / 2, 0.2, 2)); // two and a half chunks
  }

  @AfterAll
  static void tearDown() throws IOException {
    prediction.close();
    PathUtils.deleteDirectory(dir);
  }

  private static String table(int rows, double missing, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    StringBuilder csv = new StringBuilder("a,b,colour,c,label\n");
    for (int i = 0; i < rows; i++) {
      double z = r.nextGaussian();
      String[] cells = {String.format(Locale.ROOT, "%.3f", z), String.format(Locale.ROOT, "%.2f", 3 * z + 1),
          "\"" + COLOURS[r.nextInt(3)] + "\"", Integer.toString(r.nextInt(100)), z > 0 ? "yes" : "no"};
      for (int c = 0; c < cells.length; c++) {
        if (r.nextDouble() < missing) {
          cells[c] = c == 1 ? "NA" : "";
        }
        csv.append(c == 0 ? "" : ",").append(cells[c]);
      }
      csv.append('\n');
    }
    return csv.toString();
  }

  @Test
  void imputeWritesWhatTheOneThreadCompositionWrites() throws IOException {
    Path out = dir.resolve("imputed.csv");
    prediction.impute(input, out, n -> { });
    assertArrayEquals(Files.readAllBytes(reference(false)), Files.readAllBytes(out));
  }

  @Test
  void classifyWritesWhatTheOneThreadCompositionWrites() throws IOException {
    Path out = dir.resolve("classified.csv");
    prediction.classify(input, out, n -> { });
    assertArrayEquals(Files.readAllBytes(reference(true)), Files.readAllBytes(out));
  }

  private Path reference(boolean classify) throws IOException {
    HexaGanModel model = prediction.model();
    OutputRows output = new OutputRows(new TableEncoder(prediction.schema(), CsvOptions.DEFAULT));
    Path target = dir.resolve(classify ? "reference-classified.csv" : "reference-imputed.csv");
    try (CsvChunkReader reader = new CsvTableReader(CsvOptions.DEFAULT).open(input, prediction.schema(),
        CsvPrediction.CHUNK_ROWS)) {
      List<String> header = classify ? output.classifiedHeader(reader.source(), reader.header()) : reader.header();
      try (CsvTableWriter writer = CsvTableWriter.create(target, header, CsvOptions.DEFAULT)) {
        for (long k = 0; reader.hasNext(); k++) {
          CsvChunk chunk = reader.next();
          long seed = CsvPrediction.chunkSeed(model.config().seed(), k);
          double[][] values = chunk.table().values();
          writer.writeAll(classify ? output.classified(chunk, model.classify(values, seed))
              : output.imputed(chunk, model.impute(values, seed)));
        }
        writer.commit();
      }
    }
    return target;
  }

  @Test
  void theFirstBadRowInFileOrderIsReportedAndNothingIsWritten() throws IOException {
    List<String> lines = Files.readAllLines(input);
    int early = CsvPrediction.CHUNK_ROWS + 100; // in the second chunk, encoded on a worker
    int late = 2 * CsvPrediction.CHUNK_ROWS + 1; // ragged, the first record of the third chunk: found by the reading thread
    lines.set(early, "1.0,oops,red,3,yes");
    lines.set(late, "1.0,2.0");
    Path bad = dir.resolve("bad.csv");
    Files.write(bad, lines);
    Path out = dir.resolve("bad-out.csv");
    DataException e = assertThrows(DataException.class, () -> prediction.impute(bad, out, n -> { }));
    assertTrue(e.getMessage().contains("row " + (early + 1)), e.getMessage());
    assertTrue(e.getMessage().contains("oops"), e.getMessage());
    assertFalse(Files.exists(out));
    try (var files = Files.list(dir)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().contains("bad-out")), "a temporary file was left");
    }
  }
}
