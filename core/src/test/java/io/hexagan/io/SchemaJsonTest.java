package io.hexagan.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaJsonTest {

  @TempDir
  Path dir;

  private static final TableSchema SCHEMA = TableSchema.of(
      List.of(ColumnSpec.numeric("age", 18, 90.5), ColumnSpec.categorical("color", List.of("blue", "red"))),
      "y", List.of("no", "yes"));

  @Test
  void roundTripsThroughAFile() throws IOException {
    Path file = dir.resolve("schema.json");

    SchemaJson.write(SCHEMA, file);

    assertEquals(SCHEMA, SchemaJson.read(file));
    try (var listing = Files.list(dir)) {
      assertEquals(List.of(file), listing.toList(), "no temporary file left");
    }
  }

  @Test
  void writesTheDocumentedFields() {
    String json = SchemaJson.toJson(SCHEMA);

    assertTrue(json.contains("\"formatVersion\" : 1"), json);
    assertTrue(json.contains("\"kind\" : \"CATEGORICAL\""), json);
    assertTrue(json.contains("\"categories\" : [ \"blue\", \"red\" ]"), json);
    assertTrue(json.contains("\"min\" : 18.0") && json.contains("\"max\" : 90.5"), json);
    assertTrue(json.contains("\"label\" : \"y\""), json);
    assertFalse(json.contains("null"), "absent values are omitted: " + json);
  }

  @Test
  void roundTripsASchemaWithoutLabel() {
    TableSchema unlabeled = TableSchema.of(List.of(ColumnSpec.numeric("x", -1, 1)), null, List.of());

    String json = SchemaJson.toJson(unlabeled);

    assertEquals(unlabeled, SchemaJson.fromJson(json, "s.json"));
    assertTrue(json.contains("\"label\" : null") && json.contains("\"classes\" : [ ]"), "explicitly no label: " + json);
  }

  @Test
  void refusesANewerFormatVersion() {
    String json = "{\"formatVersion\": 2, \"columns\": [], \"somethingNew\": true}";

    DataException e = assertThrows(DataException.class, () -> SchemaJson.fromJson(json, "model/schema.json"));

    assertEquals("model/schema.json: schema formatVersion 2 is newer than this hexagan reads (1); use a newer hexagan",
        e.getMessage());
  }

  @Test
  void refusesAMissingFormatVersion() {
    DataException e = assertThrows(DataException.class,
        () -> SchemaJson.fromJson("{\"columns\": []}", "s.json"));

    assertEquals("s.json: expected an integer formatVersion, found none", e.getMessage());
  }

  @Test
  void refusesInvalidContentWithOneLine() {
    String json = "{\"formatVersion\": 1, \"columns\": [{\"name\": \"a\", \"kind\": \"NUMERIC\", \"min\": 3, \"max\": 1}]}";

    DataException e = assertThrows(DataException.class, () -> SchemaJson.fromJson(json, "s.json"));

    assertEquals("s.json: invalid schema: column a, min and max: expected finite min ≤ max, found 3.0 and 1.0",
        e.getMessage());
  }

  @Test
  void refusesUnknownFieldsAndBrokenJson() {
    String unknown = "{\"formatVersion\": 1, \"columns\": [{\"name\": \"a\", \"kind\": \"NUMERIC\", \"min\": 0, \"max\": 1}],"
        + " \"colour\": 1}";
    DataException e1 = assertThrows(DataException.class, () -> SchemaJson.fromJson(unknown, "s.json"));
    DataException e2 = assertThrows(DataException.class, () -> SchemaJson.fromJson("{\"formatVersion\": ", "s.json"));

    assertTrue(e1.getMessage().startsWith("s.json: invalid schema: ") && e1.getMessage().contains("colour"),
        e1.getMessage());
    assertTrue(e2.getMessage().startsWith("s.json: expected a JSON schema, found invalid JSON"), e2.getMessage());
    assertFalse(e1.getMessage().contains("\n") || e2.getMessage().contains("\n"));
  }

  @Test
  void missingSchemaFile() {
    DataException e = assertThrows(DataException.class, () -> SchemaJson.read(dir.resolve("none.json")));

    assertEquals(dir.resolve("none.json") + ": file not found", e.getMessage());
  }

  @Test
  void schemaOfATrainingFileRoundTrips() {
    Path csv = Csv.file(dir, "t.csv", "n,c,y\n1.5,red,a\n-2,blue,b\n,red,\n");
    TableSchema inferred = new CsvTableReader(CsvOptions.DEFAULT).readTraining(csv, "y").schema();

    assertEquals(inferred, SchemaJson.fromJson(SchemaJson.toJson(inferred), "s.json"));
    assertEquals(ColumnSpec.numeric("n", -2, 1.5), inferred.columns().get(0));
    assertEquals(List.of("n", "c=blue", "c=red"), inferred.featureNames());
  }
}
