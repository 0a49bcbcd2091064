package io.hexagan.eval;

import io.hexagan.io.MinMaxScaler;

/**
 * The cascades of the paper's Table 3: an imputer fills the training and test rows, then a
 * Triple-GAN classifier (with HexaGAN's classifier architecture) learns from the imputed training
 * rows and their partial labels, with cost-sensitive loss or SMOTE against class imbalance.
 *
 * @param name the name in reports, e.g. {@code mice+cs+triplegan}
 * @param imputer the first stage
 * @param imbalance the class-imbalance treatment of the classifier
 */
public record CascadeMethod(String name, Imputer imputer, ClassImbalance imbalance) implements EvaluationMethod {

  @Override
  public MethodOutput run(FoldData fold) {
    int d = fold.columns().size();
    FoldImputers.Fit fit = fold.imputers().fit(imputer, fold);
    MinMaxScaler scaler = fit.scaler();
    FittedImputer fitted = fit.fitted();
    double[][] train = fitted.impute(ImputerMethod.scale(fold.trainValues(), scaler));
    double[][] test = fitted.impute(ImputerMethod.scale(fold.testValues(), scaler));
    TripleGanSettings settings = TripleGanSettings.defaults(imbalance).withSeed(fold.seed());
    int[] predicted = new TripleGanClassifier(settings).fit(train, fold.trainLabels(), fold.classes().size())
        .predictClasses(test);
    double[][] imputed = new double[test.length][d];
    for (int r = 0; r < test.length; r++) {
      for (int c = 0; c < d; c++) {
        imputed[r][c] = Double.isNaN(fold.testValues()[r][c]) ? scaler.inverse(c, test[r][c]) : fold.testValues()[r][c];
      }
    }
    return new MethodOutput(imputed, predicted, null);
  }
}
