package io.hexagan.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The records of hexagan's output files, built from input records and engine results.
 *
 * <ul>
 *   <li>impute: the input's header, column order and row order; observed cells and the label
 *       cell copied as their exact text; each missing feature cell replaced by its decoded
 *       imputation ({@link TableEncoder#decode(int, double[])});
 *   <li>classify: the input's cells as they are, then {@code predicted_<label>} (the most probable
 *       class, the first on ties) and {@code p_<class>} per class;
 *   <li>generate: the schema's feature columns and the label, one row per generated sample.
 * </ul>
 */
public final class OutputRows {

  private final TableEncoder encoder;
  private final CsvOptions options;
  private final TableSchema schema;

  public OutputRows(TableEncoder encoder) {
    this.encoder = encoder;
    this.options = encoder.options();
    this.schema = encoder.schema();
  }

  /** The impute output of one record: {@code filled} is its encoded row with no NaN. */
  public List<String> imputed(RawRow row, HeaderBinding binding, double[] filled) {
    List<String> out = new ArrayList<>(row.size());
    for (int p = 0; p < row.size(); p++) {
      String raw = row.cell(p);
      int j = binding.schemaColumnAt(p);
      out.add(j == HeaderBinding.LABEL || !options.isMissing(raw) ? raw : encoder.decode(j, filled).text());
    }
    return out;
  }

  /**
   * The impute output of a chunk: {@code filled[i]} is the imputation of the chunk's row i. The
   * cells to fill are read off the chunk's encoding (NaN where the cell was missing), so no cell's
   * text is tested twice.
   */
  public List<List<String>> imputed(CsvChunk chunk, double[][] filled) {
    requireRows(chunk, filled.length);
    return imputed(chunk, (i, j) -> encoder.decode(j, filled[i]).text());
  }

  /**
   * The impute output of a chunk from the networks' float32 output ({@code imputed}, row-major, as
   * {@code HexaGanModel.imputeFloats} returns it): the same records as {@link #imputed(CsvChunk,
   * double[][])} given the doubles {@code HexaGanModel.impute} makes of those floats.
   */
  public List<List<String>> imputed(CsvChunk chunk, float[] imputed) {
    int d = encoder.featureNames().size();
    if (imputed.length != chunk.size() * d) {
      throw new IllegalArgumentException("imputed: expected " + chunk.size() + " × " + d + " values, found "
          + imputed.length);
    }
    return imputed(chunk, (i, j) -> encoder.decodedText(j, imputed, i * d));
  }

  /** The text that fills schema column {@code j} of the chunk's row {@code i}. */
  private interface FilledText {
    String of(int i, int j);
  }

  private List<List<String>> imputed(CsvChunk chunk, FilledText filled) {
    HeaderBinding binding = chunk.binding();
    double[][] encoded = chunk.table().values();
    List<List<String>> out = new ArrayList<>(chunk.size());
    for (int i = 0; i < chunk.size(); i++) {
      RawRow row = chunk.rows().get(i);
      String[] cells = new String[row.size()];
      for (int p = 0; p < cells.length; p++) {
        int j = binding.schemaColumnAt(p);
        boolean fill = j != HeaderBinding.LABEL && Double.isNaN(encoded[i][encoder.offset(j)]);
        cells[p] = fill ? filled.of(i, j) : row.cell(p);
      }
      out.add(Arrays.asList(cells));
    }
    return out;
  }

  /**
   * The classify output's header: {@code header}, then {@code predicted_<label>} and {@code
   * p_<class>} per class.
   *
   * @throws DataException when the input already has a column of one of those names
   */
  public List<String> classifiedHeader(String source, List<String> header) {
    requireLabel();
    List<String> out = new ArrayList<>(header);
    out.add("predicted_" + schema.label());
    for (String name : schema.classes()) {
      out.add("p_" + name);
    }
    Set<String> inputNames = new HashSet<>();
    for (String name : header) {
      inputNames.add(name.strip());
    }
    for (String name : out.subList(header.size(), out.size())) {
      if (inputNames.contains(name)) {
        throw DataException.atCell(source, 1, 0, header.stream().map(String::strip).toList().indexOf(name) + 1, name,
            "the classify output adds a column of this name; rename the input column");
      }
    }
    return out;
  }

  /** The classify output of one record, from its class probabilities. */
  public List<String> classified(RawRow row, double[] probabilities) {
    requireLabel();
    if (probabilities.length != schema.classes().size()) {
      throw new IllegalArgumentException("probabilities: expected " + schema.classes().size() + ", found "
          + probabilities.length);
    }
    List<String> out = new ArrayList<>(row.cells());
    int best = 0;
    for (int k = 1; k < probabilities.length; k++) {
      if (probabilities[k] > probabilities[best]) {
        best = k;
      }
    }
    out.add(schema.classes().get(best));
    for (double p : probabilities) {
      out.add(NumberText.format(p));
    }
    return out;
  }

  /** The classify output of a chunk: {@code probabilities[i]} is for the chunk's row i. */
  public List<List<String>> classified(CsvChunk chunk, double[][] probabilities) {
    requireRows(chunk, probabilities.length);
    List<List<String>> out = new ArrayList<>(chunk.size());
    for (int i = 0; i < chunk.size(); i++) {
      out.add(classified(chunk.rows().get(i), probabilities[i]));
    }
    return out;
  }

  /** The generate output's header: the feature columns, then the label column. */
  public List<String> generatedHeader() {
    requireLabel();
    List<String> out = new ArrayList<>(schema.columnNames());
    out.add(schema.label());
    return out;
  }

  /** One generated row: its decoded encoded values, then its class name. */
  public List<String> generated(double[] values, int classId) {
    requireLabel();
    if (classId < 0 || classId >= schema.classes().size()) {
      throw new IllegalArgumentException("classId: expected 0 to " + (schema.classes().size() - 1) + ", found " + classId);
    }
    List<String> out = new ArrayList<>();
    for (CellValue cell : encoder.decode(values)) {
      out.add(cell.text());
    }
    out.add(schema.classes().get(classId));
    return out;
  }

  private void requireLabel() {
    if (!schema.hasLabel()) {
      throw new IllegalStateException("expected a schema with a label column, found none");
    }
  }

  private static void requireRows(CsvChunk chunk, int found) {
    if (found != chunk.size()) {
      throw new IllegalArgumentException("results: expected " + chunk.size() + " rows as in the chunk, found " + found);
    }
  }
}
