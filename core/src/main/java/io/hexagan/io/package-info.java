/**
 * Tables in and out: the in-memory {@link io.hexagan.io.MaskedTable}, CSV reading and writing,
 * the schema of a table, min-max scaling and missingness masks.
 *
 * <p>Reading ({@link io.hexagan.io.CsvTableReader}): UTF-8 with or without a byte-order mark, a
 * required header, RFC 4180 quoting, blank lines skipped. The rules:
 *
 * <ul>
 *   <li><b>Missing cells</b>: a cell whose text, stripped of surrounding white space, equals a
 *       marker ignoring case; by default empty, {@code NA}, {@code N/A}, {@code NaN}, {@code null},
 *       {@code ?} ({@link io.hexagan.io.CsvOptions}).
 *   <li><b>Numbers</b>: strict decimals only ({@code 1.50}, {@code -.5}, {@code 1e3}); no hex, no
 *       decimal comma, no {@code NaN}. {@code inf}, {@code Infinity} and overflowing numbers such
 *       as {@code 1e999} are an error in a numeric column.
 *   <li><b>Column kinds</b>: numeric when every non-missing cell is a number; an error when at
 *       least 95% but not all are (naming the first non-number); categorical otherwise. A column
 *       with no observed cell is an error; a constant column is fine.
 *   <li><b>Names</b>: column names, categories and classes are the stripped texts, compared
 *       case-sensitively. Categories and classes are ordered numerically when all are numbers,
 *       otherwise lexicographically by {@link java.lang.String#compareTo}.
 *   <li><b>Label</b>: chosen by name; a missing label makes the row unlabelled; at least 2
 *       classes are required to train. At inference the label column may be absent.
 *   <li><b>Errors</b>: one {@link io.hexagan.io.DataException} with a one-line message naming the
 *       file, the row (header = row 1; the editor line too when it differs) and the column.
 * </ul>
 *
 * <p>Encoding ({@link io.hexagan.io.TableEncoder}): one feature per numeric column, one one-hot
 * feature {@code column=category} per category; a missing categorical cell makes its whole group
 * NaN. Inference files are read against the saved {@link io.hexagan.io.TableSchema} in bounded
 * chunks ({@link io.hexagan.io.CsvChunkReader}); output ({@link io.hexagan.io.OutputRows}, {@link
 * io.hexagan.io.CsvTableWriter}) copies observed cells as their exact text and is written to a
 * temporary file moved atomically over the target.
 *
 * <p>This package knows nothing of TensorFlow and imports nothing from {@code graph}, {@code
 * training}, {@code savedmodel}, {@code cli} or {@code eval}.
 */
package io.hexagan.io;
