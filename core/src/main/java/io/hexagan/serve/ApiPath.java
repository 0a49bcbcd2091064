package io.hexagan.serve;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request path of TF Serving's REST API, as TF Serving's own patterns read it: {@code
 * /v1/models/NAME[/versions/V]:VERB} (POST) and {@code /v1/models/NAME[/versions/V][/metadata]}
 * (GET).
 *
 * @param model NAME
 * @param version V, or null when the path names none (the latest)
 * @param endpoint what the path asks for
 * @param verb the word after {@code :} of a {@link Endpoint#VERB} path, else null
 */
record ApiPath(String model, String version, Endpoint endpoint, String verb) {

  /** The endpoints of the API. */
  enum Endpoint {
    /** {@code :predict}, {@code :classify}, {@code :regress}: POST. */
    VERB("POST"),
    /** The model's status: GET. */
    STATUS("GET"),
    /** The model's metadata: GET. */
    METADATA("GET");

    private final String method;

    Endpoint(String method) {
      this.method = method;
    }

    /** The one HTTP method the endpoint answers. */
    String method() {
      return method;
    }
  }

  private static final Pattern VERB_PATH =
      Pattern.compile("/v1/models/([^/:]+)(?:/versions/([^/:]+))?:([^/:]*)");
  private static final Pattern STATUS_PATH =
      Pattern.compile("/v1/models/([^/:]+)(?:/versions/([^/:]+))?(/metadata)?/?");

  /**
   * Reads {@code path}.
   *
   * @throws ApiException 404 for a path outside the API
   */
  static ApiPath parse(String path) {
    Matcher verb = VERB_PATH.matcher(path);
    if (verb.matches()) {
      return new ApiPath(verb.group(1), verb.group(2), Endpoint.VERB, verb.group(3));
    }
    Matcher status = STATUS_PATH.matcher(path);
    if (status.matches()) {
      return new ApiPath(status.group(1), status.group(2),
          status.group(3) == null ? Endpoint.STATUS : Endpoint.METADATA, null);
    }
    throw ApiException.notFound("no such endpoint: " + path + "; the API is POST /v1/models/NAME[/versions/1]:predict, "
        + "GET /v1/models/NAME[/versions/1] and GET /v1/models/NAME[/versions/1]/metadata");
  }

  /** TF Serving's words for the servable a path asks for. */
  String servable() {
    return version == null ? "Latest(" + model + ")" : "Specific(" + model + ", " + version + ")";
  }
}
