package io.hexagan.spark;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The {@code spark-submit} entry point: {@code impute}, {@code classify} and {@code generate}
 * with a hexagan model over CSV or Parquet tables.
 *
 * <pre>
 * spark-submit --class io.hexagan.spark.HexaganSpark hexagan-spark-0.1.0-SNAPSHOT-linux-x86_64.jar \
 *   impute --model hdfs:///models/credit --input hdfs:///data/credit.csv --output hdfs:///out/credit-imputed
 * </pre>
 */
@Command(name = "hexagan-spark", mixinStandardHelpOptions = true,
    description = "Batch impute, classify and generate with a hexagan model on Spark.",
    subcommands = {HexaganSpark.Impute.class, HexaganSpark.Classify.class, HexaganSpark.Generate.class})
public final class HexaganSpark implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--master", paramLabel = "<url>",
      description = "Spark master (e.g. local[2]); default: the one spark-submit sets.")
  String master;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line {@code args} and returns its exit code (0 done, 1 failed, 2 bad usage). */
  public static int run(String... args) {
    return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** As {@link #run(String...)}, printing to {@code out} and {@code err}. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new HexaganSpark()).setOut(out).setErr(err)
        .setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler((e, line, parsed) -> {
      line.getErr().println("hexagan-spark: " + rootMessage(e));
      return 1;
    });
    return cli.execute(args);
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 2;
  }

  SparkSession session() {
    SparkSession.Builder builder = SparkSession.builder().appName("hexagan-spark");
    if (master != null) {
      builder.master(master);
    }
    return builder.getOrCreate();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }

  /** Options of every subcommand: the model and how it reaches the executors. */
  static final class ModelOptions {
    @Option(names = {"-m", "--model"}, required = true, paramLabel = "<dir>",
        description = "Model directory (hexagan train): a local path, or any URI Hadoop reads (hdfs://, s3a://, ...).")
    String model;

    @Option(names = "--model-delivery", paramLabel = "<how>", defaultValue = "ship", converter = DeliveryConverter.class,
        description = "How executors get the model: ship (Spark copies it to each node; default), spark-files "
            + "(already shipped by spark-submit --archives model.zip#NAME; --model is NAME), shared-path "
            + "(the same local path on every node).")
    Delivery delivery;

    @Option(names = "--seed", paramLabel = "<n>", description = "Base noise seed (default: the model's).")
    Long seed;

    @Option(names = "--tf-threads", paramLabel = "<n>", defaultValue = "0",
        description = "Threads of each executor's TensorFlow session, shared by its concurrent tasks (default 0: the "
            + "model's own session threads).")
    int tfThreads;

    @Option(names = "--na", split = ",", paramLabel = "<token>",
        description = "Tokens that mark a missing cell in string columns (default: empty, NA, N/A, NaN, null, ?).")
    List<String> markers;

    ModelSource source(SparkSession spark) {
      return switch (delivery) {
        case SHIP -> ModelSource.ship(spark, model);
        case SPARK_FILES -> ModelSource.sparkFile(model);
        case SHARED_PATH -> ModelSource.sharedPath(model);
      };
    }

    InferenceSettings settings() {
      InferenceSettings settings = InferenceSettings.DEFAULT.withSeed(seed).withTensorflowThreads(tfThreads);
      if (markers != null) {
        Set<String> set = new LinkedHashSet<>(markers);
        settings = settings.withMissingMarkers(set);
      }
      return settings;
    }
  }

  /** How executors get the model ({@link ModelSource}). */
  enum Delivery {
    SHIP, SPARK_FILES, SHARED_PATH
  }

  /** {@code ship}, {@code spark-files}, {@code shared-path}. */
  static final class DeliveryConverter implements CommandLine.ITypeConverter<Delivery> {
    @Override
    public Delivery convert(String value) {
      for (Delivery d : Delivery.values()) {
        if (d.name().replace('_', '-').equalsIgnoreCase(value)) {
          return d;
        }
      }
      throw new CommandLine.TypeConversionException("expected ship, spark-files or shared-path, found " + value);
    }
  }

  /** Output options of every subcommand. */
  static final class OutputOptions {
    @Option(names = {"-o", "--output"}, required = true, paramLabel = "<dir>",
        description = "Output directory (Spark writes part files).")
    String output;

    @Option(names = {"-f", "--format"}, paramLabel = "<csv|parquet>", defaultValue = "csv",
        description = "Format of the output (and of the input when --input-format is not given): csv or parquet.")
    TableFormat format;

    @Option(names = "--delimiter", paramLabel = "<char>", defaultValue = ",", description = "CSV field delimiter.")
    char delimiter;

    @Option(names = "--overwrite", description = "Replace the output directory if it exists.")
    boolean overwrite;

    void write(Dataset<Row> table) {
      TableIo.write(table, output, format, overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists, delimiter);
    }
  }

  /** impute and classify. */
  abstract static class TableCommand implements Callable<Integer> {
    @ParentCommand HexaganSpark parent;
    @Spec CommandSpec spec;
    @Mixin ModelHolder modelHolder;

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "<path>",
        description = "Input file, directory or glob.")
    String input;

    @Option(names = "--input-format", paramLabel = "<csv|parquet>", description = "Format of the input (default: --format).")
    TableFormat inputFormat;

    @Option(names = "--match-single-machine",
        description = "Number the rows and seed the noise as `hexagan impute`/`classify` do, so the output equals "
            + "theirs row by row (one more pass over the input).")
    boolean matchSingleMachine;

    @Option(names = "--batch-rows", paramLabel = "<n>", defaultValue = "16384", description = "Rows per call into the model.")
    int batchRows;

    abstract Dataset<Row> apply(SparkModel model, Dataset<Row> table);

    abstract String verb();

    @Override
    public Integer call() {
      ModelOptions m = modelHolder.model;
      OutputOptions o = modelHolder.output;
      long t0 = System.nanoTime();
      SparkSession spark = parent.session();
      TableFormat in = inputFormat == null ? o.format : inputFormat;
      InferenceSettings settings = m.settings().withBatchRows(batchRows)
          .withSeeding(matchSingleMachine ? Seeding.SINGLE_MACHINE : Seeding.PER_PARTITION);
      SparkModel model = SparkModel.open(spark, m.source(spark)).with(settings);
      o.write(apply(model, TableIo.read(spark, input, in, o.delimiter)));
      PrintWriter out = spec.commandLine().getOut();
      out.printf("%s %s in %.1f s; written to %s%n", verb(), input, (System.nanoTime() - t0) / 1e9, o.output);
      out.flush();
      return 0;
    }
  }

  /** The model and output options, shared by the subcommands. */
  static final class ModelHolder {
    @Mixin ModelOptions model;
    @Mixin OutputOptions output;
  }

  @Command(name = "impute", mixinStandardHelpOptions = true,
      description = "Fills the missing cells of the model's feature columns; same columns, order and rows.")
  static final class Impute extends TableCommand {
    @Override
    Dataset<Row> apply(SparkModel model, Dataset<Row> table) {
      return model.impute(table);
    }

    @Override
    String verb() {
      return "imputed";
    }
  }

  @Command(name = "classify", mixinStandardHelpOptions = true,
      description = "Adds predicted_<label> and p_<class> for each class.")
  static final class Classify extends TableCommand {
    @Override
    Dataset<Row> apply(SparkModel model, Dataset<Row> table) {
      return model.classify(table);
    }

    @Override
    String verb() {
      return "classified";
    }
  }

  @Command(name = "generate", mixinStandardHelpOptions = true,
      description = "Generates --count rows of each class (or of each --class) as a distributed table.")
  static final class Generate implements Callable<Integer> {
    @ParentCommand HexaganSpark parent;
    @Spec CommandSpec spec;
    @Mixin ModelHolder modelHolder;

    @Option(names = {"-n", "--count"}, required = true, paramLabel = "<n>", description = "Rows per class.")
    long count;

    @Option(names = {"-c", "--class"}, paramLabel = "<name>", description = "Only these classes (repeatable).")
    List<String> classes;

    @Option(names = "--partitions", paramLabel = "<n>", description = "Partitions of the result (default: Spark's default parallelism).")
    Integer partitions;

    @Override
    public Integer call() {
      ModelOptions m = modelHolder.model;
      OutputOptions o = modelHolder.output;
      long t0 = System.nanoTime();
      SparkSession spark = parent.session();
      SparkModel model = SparkModel.open(spark, m.source(spark)).with(m.settings());
      int p = partitions != null ? partitions : spark.sparkContext().defaultParallelism();
      Dataset<Row> rows;
      if (classes == null) {
        rows = model.generate(count, p);
      } else {
        Map<String, Long> counts = new LinkedHashMap<>();
        classes.forEach(c -> counts.put(c, count));
        rows = model.generate(counts, p);
      }
      o.write(rows);
      PrintWriter out = spec.commandLine().getOut();
      out.printf("generated %d rows per class in %.1f s; written to %s%n", count, (System.nanoTime() - t0) / 1e9, o.output);
      out.flush();
      return 0;
    }
  }
}
