package io.hexagan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hexagan.serve.ModelServer;
import io.hexagan.serve.SavedModelLoader;
import io.hexagan.serve.ServerSettings;
import io.hexagan.serve.TinyModel;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hexagan serve}: serves in a fresh JVM and stops cleanly on SIGTERM; refuses bad usage. */
class ServeCommandTest {
  private static final Pattern SERVING = Pattern.compile("serving tiny on (http://\\S+/v1/models/tiny) .*");

  @TempDir Path tmp;

  @Test
  void servesInAFreshJvmAndStopsOnSigterm() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path log = tmp.resolve("stderr.log");
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve",
        "--model", TinyModel.directory().toString(), "--port", "0", "--name", "tiny")
        .redirectError(log.toFile()).start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          lines.add(line);
        }
      } catch (java.io.IOException e) {
        lines.add("(stdout failed: " + e + ")");
      }
    });
    reader.start();
    try {
      String first = lines.poll(120, TimeUnit.SECONDS);
      assertNotNull(first, "no line from the server; stderr: " + Files.readString(log));
      Matcher m = SERVING.matcher(first);
      assertTrue(m.matches(), first);
      URI model = URI.create(m.group(1));
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      HttpResponse<String> status = http.send(HttpRequest.newBuilder(model).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, status.statusCode(), status.body());
      HttpResponse<String> predict = http.send(HttpRequest.newBuilder(URI.create(model + ":predict"))
          .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(
              "{\"instances\": [{\"x\": [1, 11, 21, 31], \"mask\": [1, 1, 1, 1]}]}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, predict.statusCode(), predict.body());
      assertTrue(predict.body().contains("\"probabilities\""), predict.body());

      // SIGTERM, keeping the process's streams open (Process.destroy closes them).
      assertTrue(p.toHandle().destroy());
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the server stopped on SIGTERM");
      assertEquals(128 + 15, p.exitValue(), Files.readString(log));
      reader.join(10_000);
      assertTrue(lines.contains("stopped serving tiny"), lines + Files.readString(log));
      assertTrue(Files.readString(log).contains("stopped serving \"tiny\""), Files.readString(log));
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void aMissingModelDirectoryIsADataError() {
    CliRunner.Run r = CliRunner.run("serve", "--model", tmp.resolve("nope").toString(), "--port", "0");
    assertEquals(Main.DATA_ERROR, r.exit(), r.err());
    assertTrue(r.err().contains("no such model directory"), r.err());
  }

  @Test
  void aNameThatCannotBeAUrlSegmentIsBadUsage() {
    CliRunner.Run r = CliRunner.run("serve", "--model", TinyModel.directory().toString(), "--name", "a:b");
    assertEquals(Main.USAGE_ERROR, r.exit(), r.err());
    assertTrue(r.err().contains("--name \"a:b\" cannot name a model in a URL"), r.err());
    CliRunner.Run port = CliRunner.run("serve", "--model", TinyModel.directory().toString(), "--port", "70000");
    assertEquals(Main.USAGE_ERROR, port.exit(), port.err());
    assertTrue(port.err().contains("port: expected 0 to 65535"), port.err());
  }

  @Test
  void aBodyTimeoutOutOfRangeIsBadUsage() {
    for (String seconds : new String[] {"0", "3601"}) {
      CliRunner.Run r = CliRunner.run("serve", "--model", TinyModel.directory().toString(), "--body-timeout", seconds);
      assertEquals(Main.USAGE_ERROR, r.exit(), r.err());
      assertTrue(r.err().contains("body timeout: expected 1 ms to 1 h"), r.err());
    }
  }

  @Test
  void aPortInUseIsADataErrorNamingThePort() throws Exception {
    try (ModelServer busy = ModelServer.start(SavedModelLoader.load(TinyModel.directory()),
        ServerSettings.defaults("busy").withPort(0))) {
      int port = busy.address().getPort();
      CliRunner.Run r = CliRunner.run("serve", "--model", TinyModel.directory().toString(), "--port",
          Integer.toString(port));
      assertEquals(Main.DATA_ERROR, r.exit(), r.err());
      assertTrue(r.err().contains("127.0.0.1:" + port + ": cannot listen"), r.err());
    }
  }
}
