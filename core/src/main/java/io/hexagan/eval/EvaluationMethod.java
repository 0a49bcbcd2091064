package io.hexagan.eval;

/** A method under evaluation: an imputer, a classifier cascade, or HexaGAN. */
public interface EvaluationMethod {
  /** The name in reports, e.g. {@code mice} or {@code hexagan}. */
  String name();

  /** Trains on the fold's training rows and imputes and/or classifies its test rows. */
  MethodOutput run(FoldData fold);
}
