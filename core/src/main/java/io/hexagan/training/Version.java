package io.hexagan.training;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The hexagan build's version, from the Maven-filtered {@code hexagan-version.properties}. */
public final class Version {
  /** This build's version, or "unknown" outside a Maven build. */
  public static final String HEXAGAN = read();

  private Version() {}

  private static String read() {
    try (InputStream in = Version.class.getResourceAsStream("/hexagan-version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
