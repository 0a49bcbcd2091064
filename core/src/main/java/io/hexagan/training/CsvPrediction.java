package io.hexagan.training;

import io.hexagan.io.CsvChunk;
import io.hexagan.io.CsvChunkReader;
import io.hexagan.io.CsvOptions;
import io.hexagan.io.CsvTableReader;
import io.hexagan.io.CsvTableWriter;
import io.hexagan.io.OutputRows;
import io.hexagan.io.RawRow;
import io.hexagan.io.SchemaJson;
import io.hexagan.io.TableEncoder;
import io.hexagan.io.TableSchema;
import io.hexagan.savedmodel.ModelDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Runs a model over CSV files in chunks, so that a file of any length streams through in bounded
 * memory: impute, classify and generate, each written atomically.
 */
public final class CsvPrediction implements AutoCloseable {
  /**
   * Rows per chunk of {@link #impute} and {@link #classify}: chunk {@code k} holds the file's data
   * rows {@code k * CHUNK_ROWS} to {@code (k + 1) * CHUNK_ROWS - 1} and goes through the model in
   * one call, its noise drawn from {@link #chunkSeed}.
   */
  public static final int CHUNK_ROWS = CsvTableReader.DEFAULT_CHUNK_ROWS;

  /** Worker threads of {@link #impute} and {@link #classify}: at most this many, at most one per core. */
  private static final int WORKERS_MAX = 4;

  private final HexaGanModel model;
  private final TableSchema schema;
  private final TableEncoder encoder;
  private final OutputRows output;
  private final CsvOptions options;

  private CsvPrediction(HexaGanModel model, TableSchema schema, CsvOptions options) {
    this.model = model;
    this.schema = schema;
    this.options = options;
    this.encoder = new TableEncoder(schema, options);
    this.output = new OutputRows(encoder);
    if (!encoder.featureNames().equals(model.columns())) {
      throw new IllegalArgumentException("the model's schema and its SavedModel disagree on the features");
    }
  }

  /** Loads the model directory {@code dir} with the schema it was trained with. */
  public static CsvPrediction open(Path dir, CsvOptions options) {
    HexaGanModel model = HexaGanModel.load(dir);
    try {
      TableSchema schema = SchemaJson.fromJson(
          new String(ModelDirectory.asset(dir, ModelDirectory.SCHEMA), StandardCharsets.UTF_8),
          dir.resolve(ModelDirectory.ASSETS).resolve(ModelDirectory.SCHEMA).toString());
      return new CsvPrediction(model, schema, options);
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  public HexaGanModel model() {
    return model;
  }

  public TableSchema schema() {
    return schema;
  }

  /**
   * Writes {@code input} with every missing feature cell filled to {@code target}; observed cells
   * and the label are copied as their exact text.
   *
   * @param progress told the number of rows written after each chunk
   * @return rows written
   */
  public long impute(Path input, Path target, LongConsumer progress) throws IOException {
    return stream(input, target, false, progress);
  }

  /** Writes {@code input} with {@code predicted_<label>} and {@code p_<class>} columns to {@code target}. */
  public long classify(Path input, Path target, LongConsumer progress) throws IOException {
    if (schema.label() == null) {
      throw new IllegalStateException("classify: this model was trained without a label column");
    }
    return stream(input, target, true, progress);
  }

  /**
   * Reads chunks on this thread and encodes, runs and formats them on worker threads, writing the
   * results in file order. Chunk k's noise comes from {@link #chunkSeed}, whichever thread runs
   * it, so the output is the same as a one-thread run's. The first bad row in file order is the
   * error reported, and nothing is written then.
   */
  private long stream(Path input, Path target, boolean classify, LongConsumer progress) throws IOException {
    long[] rows = {0};
    int threads = Math.max(1, Math.min(WORKERS_MAX, Runtime.getRuntime().availableProcessors()));
    try (CsvChunkReader reader = new CsvTableReader(options).open(input, schema, CHUNK_ROWS)) {
      List<String> header = classify ? output.classifiedHeader(reader.source(), reader.header()) : reader.header();
      try (CsvTableWriter writer = CsvTableWriter.create(target, header, options);
          OrderedWorkers<CsvTableWriter.Block> workers = new OrderedWorkers<>("hexagan-csv", threads, threads + 1)) {
        OrderedWorkers.Sink<CsvTableWriter.Block> write = block -> {
          writer.write(block);
          rows[0] += block.rows();
          progress.accept(rows[0]);
        };
        long chunkIndex = 0;
        while (true) {
          List<RawRow> records;
          try {
            if (!reader.hasNext()) {
              break;
            }
            records = reader.nextRecords();
          } catch (RuntimeException e) {
            workers.drain(write); // an error in an earlier chunk comes first
            throw e;
          }
          long seed = chunkSeed(model.config().seed(), chunkIndex++);
          workers.submit(() -> writer.format(predict(reader.encode(records), seed, classify)), write);
        }
        workers.drain(write);
        writer.commit();
      }
    }
    return rows[0];
  }

  private List<List<String>> predict(CsvChunk chunk, long seed, boolean classify) {
    double[][] values = chunk.table().values();
    return classify ? output.classified(chunk, model.classify(values, seed))
        : output.imputed(chunk, model.imputeFloats(values, seed));
  }

  /**
   * The seed of chunk {@code chunkIndex} of a file, for a model whose config seed is {@code
   * modelSeed}: what {@link HexaGanModel#impute(double[][], long)} and {@link
   * HexaGanModel#classify(double[][], long)} are given for that chunk's rows. A distributed run
   * that gives the same rows the same seeds, in batches of the same size, reproduces this class's
   * output.
   */
  public static long chunkSeed(long modelSeed, long chunkIndex) {
    if (chunkIndex < 0) {
      throw new IllegalArgumentException("chunkIndex: expected ≥ 0, found " + chunkIndex);
    }
    return modelSeed + 1_000_003L * chunkIndex;
  }

  /**
   * Writes {@code count} generated rows of class {@code className} to {@code target}: the
   * schema's feature columns, then the label.
   */
  public void generate(String className, int count, long seed, Path target) throws IOException {
    int classId = schema.classes().indexOf(className);
    if (classId < 0) {
      throw new IllegalArgumentException("--class: expected one of " + schema.classes() + ", found " + className);
    }
    if (!model.generates()) {
      throw new IllegalStateException("generate: this model was trained without the conditional generator G_CG");
    }
    double[][] rows = model.generate(classId, count, seed);
    try (CsvTableWriter writer = CsvTableWriter.create(target, output.generatedHeader(), options)) {
      List<List<String>> records = new ArrayList<>();
      for (double[] row : rows) {
        records.add(output.generated(row, classId));
      }
      for (List<String> r : records) {
        writer.write(r);
      }
      writer.commit();
    }
  }

  @Override
  public void close() {
    model.close();
  }
}
