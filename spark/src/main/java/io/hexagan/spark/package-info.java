/**
 * Batch inference with a hexagan SavedModel on Apache Spark: {@link io.hexagan.spark.SparkModel}
 * imputes and classifies the rows of a {@code Dataset<Row>} and generates rows of each class as a
 * distributed Dataset; {@link io.hexagan.spark.HexaganSpark} is the {@code spark-submit} entry
 * point. Training stays on one machine (the core's {@code hexagan train}).
 *
 * <p>On the executors the model is loaded once per JVM ({@link io.hexagan.spark.ModelCache}) and
 * each partition's rows go through it in batches, encoded and decoded by the core's {@code
 * TableEncoder} under the schema in the model's {@code assets/schema.json}.
 */
package io.hexagan.spark;
