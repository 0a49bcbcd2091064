package io.hexagan.spark;

import io.hexagan.io.CellValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;

/**
 * Spark cell values to and from the core's cell text and {@link CellValue}s.
 *
 * <p>In: a value becomes the text a CSV file would hold, so the core's {@code TableEncoder} reads
 * it as it reads a file: strings as they are, integers in decimal, doubles and floats in their
 * shortest round-trip form ({@link Double#toString}), decimals in plain notation, booleans as
 * {@code true}/{@code false}. {@code null} and a floating-point NaN are missing cells.
 *
 * <p>Out: an imputed cell takes the column's type: a string gets the text the single-machine
 * command writes; double and float the number; an integer type the number rounded to the nearest
 * integer (half up) and clamped to the type's range; a decimal the number rounded half up to the
 * decimal's scale; a boolean the category's name read as a boolean.
 */
final class SparkCells {

  /** The text of a missing cell; {@link InferenceSettings} always counts it as missing. */
  static final String MISSING = "";

  private SparkCells() {
  }

  static boolean isNumericInput(DataType type) {
    return isNumber(type) || type instanceof StringType;
  }

  static boolean isCategoricalInput(DataType type) {
    return type instanceof StringType || type instanceof BooleanType;
  }

  static boolean isLabelInput(DataType type) {
    return type instanceof StringType || isIntegral(type) || type instanceof BooleanType;
  }

  /** The CSV text of {@code value}; {@link #MISSING} for null and NaN. */
  static String text(Object value) {
    if (value == null) {
      return MISSING;
    }
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Double d) {
      return d.isNaN() ? MISSING : Double.toString(d);
    }
    if (value instanceof Float f) {
      return f.isNaN() ? MISSING : Float.toString(f);
    }
    if (value instanceof BigDecimal b) {
      return b.toPlainString();
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    throw new IllegalArgumentException("expected a string, number or boolean, found " + value.getClass().getName());
  }

  /** An imputed cell as a value of {@code type}. */
  static Object value(CellValue cell, DataType type) {
    if (type instanceof StringType) {
      return cell.text();
    }
    if (cell instanceof CellValue.Category category) {
      if (type instanceof BooleanType) {
        return Boolean.parseBoolean(category.name().strip());
      }
      throw new IllegalArgumentException("a category cannot be a " + type.simpleString());
    }
    double v = ((CellValue.Numeric) cell).value();
    if (type instanceof DoubleType) {
      return v;
    }
    if (type instanceof FloatType) {
      return (float) v;
    }
    if (type instanceof DecimalType decimal) {
      BigDecimal d = BigDecimal.valueOf(v).setScale(decimal.scale(), RoundingMode.HALF_UP);
      if (d.precision() > decimal.precision()) {
        throw new ArithmeticException("imputed value " + d + " does not fit " + type.simpleString());
      }
      return d;
    }
    long rounded = Math.round(v);
    if (type instanceof LongType) {
      return rounded;
    }
    if (type instanceof IntegerType) {
      return (int) clamp(rounded, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }
    if (type instanceof ShortType) {
      return (short) clamp(rounded, Short.MIN_VALUE, Short.MAX_VALUE);
    }
    if (type instanceof ByteType) {
      return (byte) clamp(rounded, Byte.MIN_VALUE, Byte.MAX_VALUE);
    }
    throw new IllegalArgumentException("a number cannot be a " + type.simpleString());
  }

  private static boolean isNumber(DataType type) {
    return isIntegral(type) || type instanceof FloatType || type instanceof DoubleType || type instanceof DecimalType;
  }

  private static boolean isIntegral(DataType type) {
    return type instanceof ByteType || type instanceof ShortType || type instanceof IntegerType || type instanceof LongType;
  }

  private static long clamp(long v, long min, long max) {
    return Math.max(min, Math.min(max, v));
  }
}
