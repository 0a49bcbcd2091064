/**
 * Tables in and out: the in-memory {@link io.hexagan.io.MaskedTable}, CSV reading and writing,
 * the schema of a table, min-max scaling and missingness masks.
 *
 * <p>This package knows nothing of TensorFlow and imports nothing from {@code graph}, {@code
 * training}, {@code savedmodel}, {@code cli} or {@code eval}.
 */
package io.hexagan.io;
