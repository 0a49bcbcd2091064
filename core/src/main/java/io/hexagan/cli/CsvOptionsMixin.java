package io.hexagan.cli;

import io.hexagan.io.CsvOptions;
import java.util.LinkedHashSet;
import java.util.List;
import picocli.CommandLine.Option;

/** The CSV reading options shared by the commands that read tables. */
final class CsvOptionsMixin {
  @Option(names = "--na", split = ",", paramLabel = "<marker>",
      description = "Cell texts that mean missing, comma-separated (an empty cell always does; "
          + "matched ignoring case and surrounding spaces). Default: NA,N/A,NaN,null,?")
  List<String> markers;

  CsvOptions options() {
    if (markers == null) {
      return CsvOptions.DEFAULT;
    }
    LinkedHashSet<String> set = new LinkedHashSet<>(markers);
    set.add("");
    return CsvOptions.DEFAULT.withMissingMarkers(set);
  }
}
