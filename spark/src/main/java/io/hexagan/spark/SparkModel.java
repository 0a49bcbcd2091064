package io.hexagan.spark;

import io.hexagan.io.TableSchema;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A hexagan model applied to Spark tables: {@link #impute} and {@link #classify} a {@code
 * Dataset<Row>}, {@link #generate} rows of each class as a distributed Dataset. The driver reads
 * only the model's schema (to check the table's columns before any task runs); each executor JVM
 * loads the model once ({@link ModelCache}) and streams its partitions through it in batches.
 *
 * <pre>{@code
 * SparkModel model = SparkModel.open(spark, ModelSource.ship(spark, "hdfs:///models/credit"));
 * Dataset<Row> filled = model.impute(spark.read().parquet("hdfs:///data/credit"));
 * }</pre>
 *
 * Results are lazy Datasets, computed when written or collected.
 */
public final class SparkModel {

  private final SparkSession spark;
  private final ModelSource source;
  private final TableSchema schema;
  private final InferenceSettings settings;

  private SparkModel(SparkSession spark, ModelSource source, TableSchema schema, InferenceSettings settings) {
    this.spark = spark;
    this.source = source;
    this.schema = schema;
    this.settings = settings;
  }

  /** The model at {@code source}, with {@link InferenceSettings#DEFAULT}; reads its schema on the driver. */
  public static SparkModel open(SparkSession spark, ModelSource source) {
    return new SparkModel(spark, source, ModelCache.schema(source.resolve()), InferenceSettings.DEFAULT);
  }

  /** This model with other settings. */
  public SparkModel with(InferenceSettings other) {
    return new SparkModel(spark, source, schema, other);
  }

  /** The CSV schema the model was trained with ({@code assets/schema.json}). */
  public TableSchema schema() {
    return schema;
  }

  public InferenceSettings settings() {
    return settings;
  }

  /**
   * {@code table} with every missing cell of the model's feature columns filled: same columns,
   * order and rows; observed cells, the label and other columns unchanged.
   *
   * @throws SchemaMismatchException when the table's columns do not fit the model's schema
   */
  public Dataset<Row> impute(Dataset<Row> table) {
    return run(table, new ImputeTask());
  }

  /**
   * {@code table} with {@code predicted_<label>} and {@code p_<class>} for each class added.
   *
   * @throws SchemaMismatchException when the table's columns do not fit the model's schema
   * @throws IllegalStateException for a model trained without a label
   */
  public Dataset<Row> classify(Dataset<Row> table) {
    requireLabel("classify");
    return run(table, new ClassifyTask());
  }

  /**
   * {@code rowsPerClass} generated rows of each class, spread over {@code partitions} partitions:
   * the feature columns (numbers as doubles, categories as strings), then the label.
   */
  public Dataset<Row> generate(long rowsPerClass, int partitions) {
    requireLabel("generate");
    long[] counts = new long[schema.classes().size()];
    Arrays.fill(counts, rowsPerClass);
    return generate(counts, partitions);
  }

  /** {@code counts.get(name)} generated rows of each named class, over {@code partitions} partitions. */
  public Dataset<Row> generate(Map<String, Long> countsByClass, int partitions) {
    requireLabel("generate");
    long[] counts = new long[schema.classes().size()];
    countsByClass.forEach((name, count) -> {
      int c = schema.classes().indexOf(name);
      if (c < 0) {
        throw new IllegalArgumentException("class: expected one of " + schema.classes() + ", found " + name);
      }
      counts[c] = count;
    });
    return generate(counts, partitions);
  }

  private Dataset<Row> generate(long[] counts, int partitions) {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions: expected ≥ 1, found " + partitions);
    }
    List<GenerateSlice> slices = GenerateSlice.plan(counts);
    JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .parallelize(slices, Math.max(1, Math.min(partitions, slices.size())))
        .mapPartitions(new GeneratePartition(source, settings));
    return spark.createDataFrame(rows, GeneratePartition.outputSchema(schema));
  }

  private Dataset<Row> run(Dataset<Row> table, RowTask task) {
    ColumnBinding binding = SchemaCheck.bind(schema, table.schema(), source.location(), task.addedColumns(schema));
    JavaRDD<Row> rows = table.javaRDD();
    Batching batching = settings.seeding() == Seeding.SINGLE_MACHINE
        ? SingleMachineBatching.of(RowCounts.of(rows))
        : new PartitionBatching(settings.batchRows());
    JavaRDD<Row> out = rows.mapPartitionsWithIndex(new PredictPartition(source, binding, task, batching, settings), true);
    return spark.createDataFrame(out, task.outputSchema(table.schema(), schema));
  }

  private void requireLabel(String what) {
    if (!schema.hasLabel()) {
      throw new IllegalStateException(what + ": this model was trained without a label column");
    }
  }
}
