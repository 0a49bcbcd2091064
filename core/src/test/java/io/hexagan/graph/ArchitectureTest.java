package io.hexagan.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hexagan.training.HexaGanConfig;
import io.hexagan.training.ModelMetadata;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

  @Test
  void defaultWidthIsTwoHundredFiftySixWhileAutoKeepsTheOldWidth() {
    assertEquals(256, Architecture.defaults().resolve(23).hiddenUnits());
    assertEquals(128, Architecture.defaults().withHiddenUnits(Architecture.AUTO).resolve(23).hiddenUnits());
    assertEquals(11, Architecture.defaults().withHiddenUnits(Architecture.HALF_OF_FEATURES).resolve(23).hiddenUnits());
  }

  /**
   * A model directory written while 0 meant the default width stores {@code "hiddenUnits" : 0} in
   * its metadata; read back, it resolves to the width it was trained with, 128.
   */
  @Test
  void aModelWrittenWithTheOldDefaultReadsBackAtItsOwnWidth() {
    HexaGanConfig old = HexaGanConfig.defaults()
        .withArchitecture(HexaGanConfig.defaults().architecture().withHiddenUnits(Architecture.AUTO));
    ModelMetadata written = new ModelMetadata(ModelMetadata.FORMAT_VERSION, List.of("a", "b"), List.of("0", "1"),
        new double[] {0, 0}, new double[] {1, 1}, old, null, null);
    byte[] json = written.toJson();
    assertTrue(new String(json, StandardCharsets.UTF_8).contains("\"hiddenUnits\" : 0"));
    ModelMetadata read = ModelMetadata.fromJson(json, "hexagan.json");
    assertEquals(128, read.config().architecture().resolve(2).hiddenUnits());
    assertEquals(256, HexaGanConfig.defaults().architecture().resolve(2).hiddenUnits());
  }
}
