package io.hexagan.eval;

import io.hexagan.io.MinMaxScaler;
import java.util.HashMap;
import java.util.Map;

/**
 * The imputers fitted on one fold's training rows, shared by every method of the run that uses
 * the same imputer: {@code mice}, {@code mice+cs+triplegan} and {@code mice+smote+triplegan} fit
 * MICE once per fold. Imputers are told apart by {@link Imputer#name()}; the method catalog builds
 * each name with one setting. A method that reuses a fit is charged its time, so reported seconds
 * per fold are what the method would cost alone.
 */
public final class FoldImputers {

  /**
   * An imputer fitted on the fold's training rows scaled to [0, 1] with {@code scaler}.
   *
   * @param seconds the time the fit took
   */
  public record Fit(FittedImputer fitted, MinMaxScaler scaler, double seconds) {}

  private final Map<String, Fit> fits = new HashMap<>();
  private double reusedSeconds;

  /** The fit of {@code imputer} on {@code fold}'s training rows, made on first request. */
  Fit fit(Imputer imputer, FoldData fold) {
    Fit known = fits.get(imputer.name());
    if (known != null) {
      reusedSeconds += known.seconds();
      return known;
    }
    long t0 = System.nanoTime();
    MinMaxScaler scaler = MinMaxScaler.fit(fold.trainValues(), fold.columns().size());
    FittedImputer fitted = imputer.fit(ImputerMethod.scale(fold.trainValues(), scaler));
    Fit fit = new Fit(fitted, scaler, (System.nanoTime() - t0) / 1e9);
    fits.put(imputer.name(), fit);
    return fit;
  }

  /** The seconds of reused fits since the last call, to add to the current method's time. */
  double takeReusedSeconds() {
    double s = reusedSeconds;
    reusedSeconds = 0;
    return s;
  }
}
