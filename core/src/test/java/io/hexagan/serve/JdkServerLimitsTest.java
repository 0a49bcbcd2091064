package io.hexagan.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The JDK server's limits: derived from the body timeout, and never over what the user set. */
class JdkServerLimitsTest {
  @Test
  void theRequestTimeIsTheBodyTimeoutPlusTheHeaderAllowanceInWholeSeconds() {
    Properties p = new Properties();
    Map<String, String> set = JdkServerLimits.configure(p, Duration.ofSeconds(30));
    assertEquals(Map.of("sun.net.httpserver.nodelay", "true", "sun.net.httpserver.maxReqTime", "60",
        "jdk.httpserver.maxConnections", "1000"), set);
    assertEquals("60", p.getProperty("sun.net.httpserver.maxReqTime"));
    assertEquals(Duration.ofSeconds(60), JdkServerLimits.requestTime(p));
    assertEquals("32", JdkServerLimits.defaults(Duration.ofMillis(1500)).get(JdkServerLimits.MAX_REQ_TIME));
    assertEquals("31", JdkServerLimits.defaults(Duration.ofMillis(1)).get(JdkServerLimits.MAX_REQ_TIME));
  }

  @Test
  void whatTheUserSetStands() {
    Properties p = new Properties();
    p.setProperty("sun.net.httpserver.maxReqTime", "5");
    p.setProperty("sun.net.httpserver.nodelay", "false");
    Map<String, String> set = JdkServerLimits.configure(p, Duration.ofSeconds(30));
    assertEquals(Map.of("jdk.httpserver.maxConnections", "1000"), set);
    assertEquals("5", p.getProperty("sun.net.httpserver.maxReqTime"));
    assertEquals("false", p.getProperty("sun.net.httpserver.nodelay"));
    // A second server's settings change nothing: the JDK has read the values already.
    assertEquals(Map.of(), JdkServerLimits.configure(p, Duration.ofSeconds(300)));
  }

  @Test
  void noRequestTimeWhenUnsetOrNotPositive() {
    Properties p = new Properties();
    assertNull(JdkServerLimits.requestTime(p));
    p.setProperty("sun.net.httpserver.maxReqTime", "-1");
    assertNull(JdkServerLimits.requestTime(p));
    p.setProperty("sun.net.httpserver.maxReqTime", "soon");
    assertNull(JdkServerLimits.requestTime(p));
  }
}
