package io.hexagan.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Thread settings: training's own threads inside an op, their text form and older configs. */
class SessionSettingsTest {

  @Test
  void defaultsGiveTrainingHalfTheThreadsInsideAnOp() {
    int cores = Runtime.getRuntime().availableProcessors();
    SessionSettings s = SessionSettings.defaults();
    assertEquals(cores, s.intraOpThreads());
    assertEquals(cores, s.interOpThreads());
    assertEquals(Math.max(1, cores / 2), s.intraOpThreadsForTraining());
  }

  @Test
  void theTrainingSessionGetsItsOwnThreadsAndServingTheOthers() {
    SessionSettings s = new SessionSettings(4, 3, 1, "", true);
    assertEquals(1, GraphSession.trainingSessionConfig(s).getIntraOpParallelismThreads());
    assertEquals(4, GraphSession.sessionConfig(s).getIntraOpParallelismThreads());
    assertEquals(3, GraphSession.trainingSessionConfig(s).getInterOpParallelismThreads());
    assertEquals(3, GraphSession.sessionConfig(s).getInterOpParallelismThreads());
  }

  @Test
  void parsesTwoOrThreeCountsAndWritesThree() {
    SessionSettings two = SessionSettings.parseThreads("2:1");
    assertEquals(2, two.intraOpThreads());
    assertEquals(1, two.interOpThreads());
    assertEquals(2, two.intraOpThreadsForTraining());
    assertEquals("2:1:2", two.threads());
    SessionSettings three = SessionSettings.parseThreads("2:2:1");
    assertEquals(1, three.intraOpThreadsForTraining());
    assertEquals("2:2:1", three.threads());
    assertEquals(three, SessionSettings.parseThreads(three.threads()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2", "2:", "a:2", "2:2:1:1", "", "-1:2", "2:2:x"})
  void refusesOtherText(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SessionSettings.parseThreads(text));
    assertTrue(e.getMessage().contains("found " + text), e.getMessage());
  }

  @Test
  void aSettingWrittenBeforeTrainingHadItsOwnThreadsTrainsAsItServes() throws Exception {
    // A model's metadata of an earlier build: no trainingIntraOpThreads.
    SessionSettings s = new ObjectMapper().readValue(
        "{\"intraOpThreads\": 2, \"interOpThreads\": 2, \"device\": \"\", \"gpuMemoryGrowth\": true}",
        SessionSettings.class);
    assertEquals(0, s.trainingIntraOpThreads());
    assertEquals(2, s.intraOpThreadsForTraining());
    assertEquals(s, new SessionSettings(2, 2, 0, "", true));
  }
}
