package io.hexagan.io;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The order of class names and categories: by numeric value when every name is a finite number
 * ({@code 2} before {@code 10}; equal values such as {@code 1} and {@code 1.0} by their text),
 * otherwise lexicographic by UTF-16 code units ({@link String#compareTo}: case-sensitive,
 * locale-independent, {@code B} before {@code a}).
 */
final class NameOrder {

  private NameOrder() {
  }

  /** {@code names} in the documented order. */
  static List<String> sorted(Collection<String> names) {
    boolean numeric = names.stream().allMatch(n -> NumberTokens.kind(n) == NumberTokens.Kind.FINITE);
    Comparator<String> order = numeric
        ? Comparator.comparingDouble(NumberTokens::finiteValue).thenComparing(Comparator.naturalOrder())
        : Comparator.naturalOrder();
    return names.stream().sorted(order).toList();
  }
}
