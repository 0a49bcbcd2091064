package io.hexagan.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

  /**
   * A model written before the plateau and layer-normalisation options has neither field in its
   * metadata; read back, both are off.
   */
  @Test
  void aModelWrittenBeforeThePlateauAndLayerNormReadsBackWithBothOff() throws Exception {
    ModelMetadata written = new ModelMetadata(ModelMetadata.FORMAT_VERSION, List.of("a", "b"), List.of("0", "1"),
        new double[] {0, 0}, new double[] {1, 1}, HexaGanConfig.defaults(), null, null);
    ObjectMapper json = new ObjectMapper();
    ObjectNode tree =
        (ObjectNode) json.readTree(written.toJson());
    ObjectNode config = (ObjectNode) tree.get("config");
    assertTrue(((ObjectNode) config.get("architecture")).remove("imputerLayerNorm") != null);
    ObjectNode schedule = (ObjectNode) config.get("schedule");
    assertTrue(schedule.remove("plateauEpochs") != null && schedule.remove("plateauFactor") != null);
    ModelMetadata read = ModelMetadata.fromJson(json.writeValueAsBytes(tree), "hexagan.json");
    assertEquals(0, read.config().schedule().plateauEpochs());
    assertFalse(read.config().architecture().imputerLayerNorm());
    assertEquals(HexaGanConfig.defaults().architecture(), read.config().architecture());
  }

  /** A model written before the output margin has no such field; read back, G_MI's sigmoid is the plain one. */
  @Test
  void aModelWrittenBeforeTheOutputMarginReadsBackWithThePlainSigmoid() throws Exception {
    HexaGanConfig margined = HexaGanConfig.defaults().withArchitecture(
        HexaGanConfig.defaults().architecture().withOutputMargin(0.05));
    ModelMetadata written = new ModelMetadata(ModelMetadata.FORMAT_VERSION, List.of("a", "b"), List.of("0", "1"),
        new double[] {0, 0}, new double[] {1, 1}, margined, null, null);
    assertEquals(0.05, ModelMetadata.fromJson(written.toJson(), "hexagan.json").config().architecture().outputMargin());
    ObjectMapper json = new ObjectMapper();
    ObjectNode tree = (ObjectNode) json.readTree(written.toJson());
    assertTrue(((ObjectNode) tree.get("config").get("architecture")).remove("outputMargin") != null);
    ModelMetadata read = ModelMetadata.fromJson(json.writeValueAsBytes(tree), "hexagan.json");
    assertEquals(0.0, read.config().architecture().outputMargin());
  }
}
