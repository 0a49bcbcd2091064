package io.hexagan.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FoldImputersTest {

  /** The column mean, counting its fits and taking at least 20 ms for each. */
  private static Imputer counting(String name, AtomicInteger fits) {
    return new Imputer() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public FittedImputer fit(double[][] train) {
        fits.incrementAndGet();
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return new MeanImputer().fit(train);
      }
    };
  }

  @Test
  void theMethodsOfAFoldShareOneFitPerImputerAndAreChargedItsTime() {
    FoldImputers imputers = new FoldImputers();
    FoldData fold = new FoldData(new double[][] {{0, 1}, {1, Double.NaN}, {0.5, 3}}, new int[] {0, 1, -1},
        new double[][] {{Double.NaN, 2}}, List.of("a", "b"), List.of("n", "p"), 7, imputers);
    AtomicInteger mice = new AtomicInteger();
    AtomicInteger other = new AtomicInteger();

    MethodOutput alone = new ImputerMethod(counting("mice", mice)).run(fold);
    assertEquals(0, imputers.takeReusedSeconds(), "a first fit is timed by its method, not charged again");
    MethodOutput cascade = new CascadeMethod("mice+cs+triplegan", counting("mice", mice),
        ClassImbalance.COST_SENSITIVE).run(fold);
    assertEquals(1, mice.get(), "the cascade reuses the fold's MICE fit");
    assertTrue(imputers.takeReusedSeconds() >= 0.02, "the reusing method is charged the fit's time");
    assertEquals(0.5, alone.imputedTest()[0][0], 1e-12);
    assertEquals(alone.imputedTest()[0][0], cascade.imputedTest()[0][0], 0);

    FoldImputers.Fit a = imputers.fit(counting("mean", other), fold);
    assertSame(a, imputers.fit(counting("mean", other), fold));
    assertEquals(1, other.get());
  }
}
