package io.hexagan.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hexagan.savedmodel.ModelDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model records the validation split it was trained with; resuming it under a build that draws
 * another split is refused (the cells training learned from would be scored as validation), and a
 * model written before the split was recorded still resumes.
 */
class ResumeValidationSplitTest {
  @TempDir
  Path tmp;

  @Test
  void aCheckpointOfAnotherValidationSplitIsRefused() throws IOException {
    SyntheticTables.Masked data = SyntheticTables.twoClasses(200, 4, 1.0, 0.3, 0.2, 0.8, 3);
    // No refinement: what is checked is the split, and the refinement's fits would only add time.
    HexaGanConfig config = SyntheticTables.quick(2).withRefinement(RefinementSettings.OFF);
    Path dir = tmp.resolve("model");
    HexaGan.train(data.table(), config, TrainingListener.NONE, new Checkpointing(dir, Map.of(), 1)).close();
    String drawn = ValidationSplit.choose(data.table(), config.schedule(), config.seed(), Trainer.refines(config))
        .fingerprint();
    assertEquals(drawn, metadata(dir).path("provenance").path("validationSha256").asText(), "the split is recorded");
    assertNotEquals(drawn, ValidationSplit.choose(data.table(), config.schedule(), config.seed() + 1,
        Trainer.refines(config)).fingerprint(), "another seed, another split");

    rewrite(dir, p -> p.put("validationSha256", "0".repeat(64)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> HexaGan.resume(data.table(), dir, 3, TrainingListener.NONE, null));
    assertTrue(e.getMessage().startsWith(dir + ": ") && e.getMessage().contains("validation"), e.getMessage());

    rewrite(dir, p -> p.remove("validationSha256"));
    try (HexaGanModel resumed = HexaGan.resume(data.table(), dir, 3, TrainingListener.NONE, null)) {
      assertEquals(3, resumed.metadata().summary().epochs(), "an earlier build's model resumes");
      assertEquals(drawn, resumed.metadata().provenance().validationSha256(), "and records its split");
    }
  }

  private static ObjectNode metadata(Path dir) throws IOException {
    return (ObjectNode) new ObjectMapper().readTree(dir.resolve(ModelDirectory.ASSETS).resolve(ModelDirectory.METADATA)
        .toFile());
  }

  private static void rewrite(Path dir, Consumer<ObjectNode> provenance) throws IOException {
    ObjectNode tree = metadata(dir);
    provenance.accept((ObjectNode) tree.get("provenance"));
    Files.write(dir.resolve(ModelDirectory.ASSETS).resolve(ModelDirectory.METADATA),
        new ObjectMapper().writeValueAsBytes(tree));
  }
}
