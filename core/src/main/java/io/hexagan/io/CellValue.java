package io.hexagan.io;

/** A decoded cell: a number for a numeric column, a category name for a categorical one. */
public sealed interface CellValue permits CellValue.Numeric, CellValue.Category {

  /** The cell's text as written to a CSV file. */
  String text();

  /** A number of a numeric column, written with {@link NumberText#format}. */
  record Numeric(double value) implements CellValue {
    public Numeric {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("value: expected a finite number, found " + value);
      }
    }

    @Override
    public String text() {
      return NumberText.format(value);
    }
  }

  /** A category of a categorical column. */
  record Category(String name) implements CellValue {
    public Category {
      if (name == null) {
        throw new IllegalArgumentException("name: expected a category, found null");
      }
    }

    @Override
    public String text() {
      return name;
    }
  }
}
