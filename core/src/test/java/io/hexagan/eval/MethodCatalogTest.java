package io.hexagan.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hexagan.training.HexaGanConfig;
import org.junit.jupiter.api.Test;

/** Every name {@code evaluate --methods} lists resolves to a method of that name; others are refused. */
class MethodCatalogTest {

  @Test
  void everyListedNameResolvesAndTheTunedOneTunes() {
    HexaGanConfig d = HexaGanConfig.defaults();
    HexaGanConfig p = HexaGanConfig.paper();
    for (String name : MethodCatalog.names()) {
      assertEquals(name, MethodCatalog.byName(name, d, p).name());
    }
    assertInstanceOf(TunedHexaGanMethod.class, MethodCatalog.byName("hexagan-tuned", d, p));
    assertEquals(d, ((TunedHexaGanMethod) MethodCatalog.byName("hexagan-tuned", d, p)).config());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MethodCatalog.byName("hexagan-tunes", d, p));
    assertTrue(e.getMessage().contains("hexagan-tuned"), e.getMessage());
  }
}
