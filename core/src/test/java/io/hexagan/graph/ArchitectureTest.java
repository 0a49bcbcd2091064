package io.hexagan.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hexagan.training.ConfigJson;
import io.hexagan.training.HexaGanConfig;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

  @Test
  void defaultWidthIsTwoHundredFiftySixWhileAutoKeepsTheOldWidth() {
    assertEquals(256, Architecture.defaults().resolve(23).hiddenUnits());
    assertEquals(128, Architecture.defaults().withHiddenUnits(Architecture.AUTO).resolve(23).hiddenUnits());
    assertEquals(11, Architecture.defaults().withHiddenUnits(Architecture.HALF_OF_FEATURES).resolve(23).hiddenUnits());
  }

  /** A model's stored settings written while 0 meant the default load at the width they were trained with. */
  @Test
  void settingsWrittenWithTheOldDefaultResolveToTheOldWidth() {
    HexaGanConfig old = ConfigJson.overlay(HexaGanConfig.defaults(), "{\"architecture\": {\"hiddenUnits\": 0}}",
        "model.json");
    assertEquals(128, old.architecture().resolve(30).hiddenUnits());
    assertEquals(256, HexaGanConfig.defaults().architecture().resolve(30).hiddenUnits());
  }
}
