package io.hexagan.cli;

import io.hexagan.eval.EvaluationReport;
import io.hexagan.eval.EvaluationResults;
import io.hexagan.eval.PairedComparison;
import io.hexagan.io.DataException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hexagan compare}: two methods of {@code hexagan evaluate}'s JSON files, fold by fold. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
        "Compares two methods fold by fold from the JSON files of hexagan evaluate: mean difference ± sd over the"
            + " folds, paired t, folds won.",
        "",
        "Runs on the same table with the same settings and seed share their folds and masks, so the difference"
            + " removes how hard each fold is for every method. Two methods of one run: one file and --against. One"
            + " method in two runs (say, two configurations): two files."},
    footer = {"", "Example:", "  hexagan compare results/breast-evaluation.json --against mice",
        "  hexagan compare runs/a/wine-evaluation.json runs/b/wine-evaluation.json"})
final class CompareCommand implements Callable<Integer> {
  /** The figures compared, in the order printed; RMSEs are better lower, F1 higher. */
  private static final List<String> FIGURES =
      List.of(EvaluationReport.RMSE_GLOBAL, EvaluationReport.RMSE_PER_ROW, EvaluationReport.F1);

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<first.json>", description = "JSON file of hexagan evaluate (--output).")
  Path first;

  @Parameters(index = "1", arity = "0..1", paramLabel = "<second.json>",
      description = "A second run's JSON file, of the same table and settings; default: the first file.")
  Path second;

  @Option(names = {"-m", "--method"}, paramLabel = "<name>", defaultValue = "hexagan",
      description = "The first method. Default: ${DEFAULT-VALUE}")
  String method;

  @Option(names = {"-a", "--against"}, paramLabel = "<name>",
      description = "The second method. Default: --method, when a second file is given.")
  String against;

  @Override
  public Integer call() {
    if (second == null && against == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "name the method to compare against (--against) or give a second file");
    }
    EvaluationResults a = EvaluationResults.read(first);
    EvaluationResults b = second == null ? a : EvaluationResults.read(second);
    if (a != b) {
      requireSameRun(a, b);
    }
    String other = against == null ? method : against;
    Map<String, List<Double>> x = a.figures(method);
    Map<String, List<Double>> y = b.figures(other);
    List<PairedComparison> rows = new ArrayList<>();
    for (String figure : FIGURES) {
      if (x.containsKey(figure) && y.containsKey(figure)) {
        if (x.get(figure).size() != y.get(figure).size()) {
          throw DataException.inFile(b.source(), figure + ": " + y.get(figure).size() + " folds, against "
              + x.get(figure).size() + " in " + a.source());
        }
        rows.add(PairedComparison.of(figure, x.get(figure), y.get(figure), !figure.equals(EvaluationReport.F1)));
      }
    }
    if (rows.isEmpty()) {
      throw DataException.inFile(b.source(), method + " and " + other + " share no figure ("
          + String.join(", ", FIGURES) + ")");
    }
    String left = label(method, second == null ? null : first);
    String right = label(other, second);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "%s, %d folds paired: first %s, second %s%n%n", a.dataset(), rows.get(0).folds(), left,
        right);
    out.println("| figure | first | second | first − second, mean ± sd | paired t | folds the first did better |");
    out.println("|---|---|---|---|---|---|");
    for (PairedComparison r : rows) {
      out.printf(Locale.ROOT, "| %s | %.4f | %.4f | %+.4f ± %.4f | %s | %d of %d |%n", figureName(r.metric()),
          r.firstMean(), r.secondMean(), r.meanDifference(), r.sdDifference(),
          Double.isNaN(r.t()) ? "—" : String.format(Locale.ROOT, "%+.2f", r.t()), r.firstBetter(), r.folds());
    }
    out.println();
    out.println("RMSE: lower is better; F1: higher is better.");
    out.flush();
    return 0;
  }

  /** Two runs pair fold by fold only on the same table with the same settings and seed. */
  private static void requireSameRun(EvaluationResults a, EvaluationResults b) {
    if (!a.dataset().equals(b.dataset())) {
      throw DataException.inFile(b.source(), "table " + a.dataset() + " in " + a.source() + ", " + b.dataset()
          + " here: folds pair only within one table");
    }
    List<String> differing = new ArrayList<>();
    if (a.rows() != null && b.rows() != null && !a.rows().equals(b.rows())) {
      differing.add("rows " + a.rows() + " against " + b.rows());
    }
    for (Iterator<String> names = a.settings().fieldNames(); names.hasNext();) {
      String name = names.next();
      if (!a.settings().get(name).equals(b.settings().get(name))) {
        differing.add(name + " " + a.settings().get(name) + " against " + b.settings().get(name));
      }
    }
    for (Iterator<String> names = b.settings().fieldNames(); names.hasNext();) {
      String name = names.next();
      if (!a.settings().has(name)) {
        differing.add(name + " only here");
      }
    }
    if (!differing.isEmpty()) {
      throw DataException.inFile(b.source(), "settings differ from " + a.source() + " (" + String.join("; ", differing)
          + "): folds pair only between runs with the same settings and seed");
    }
  }

  private static String label(String method, Path file) {
    return file == null ? method : method + " (" + file + ")";
  }

  private static String figureName(String metric) {
    return switch (metric) {
      case EvaluationReport.RMSE_GLOBAL -> "RMSE, all cells";
      case EvaluationReport.RMSE_PER_ROW -> "RMSE, per row";
      default -> "F1";
    };
  }
}
