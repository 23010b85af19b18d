package io.layercount.core.internal.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.layercount.core.Diagnostic;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a user's rules file: the schema of the built-in tables ({@code {"rules": [row, ...]}}, each
 * row as in {@code torch.json} or, with {@code tensors}, as in {@code torch-tensors.json}). Every
 * problem becomes a diagnostic at the line and column Jackson gives for it; a row with a problem is
 * left out, the others are kept. Never throws on bad input.
 */
public final class UserRulesReader {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private UserRulesReader() {}

  /**
   * The rows of {@code json}.
   *
   * @param name what the diagnostics call the file (its path as given)
   * @param problems receives every problem, errors and warnings, positioned in {@code json}
   */
  public static UserRules read(String name, String json, List<Diagnostic> problems) {
    List<UserRule> rows = new ArrayList<>();
    try (JsonParser parser = MAPPER.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        problems.add(error(parser.currentTokenLocation(), "a rules file is a JSON object: {\"rules\": [...]}"));
        return UserRules.NONE;
      }
      boolean sawRules = false;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonLocation at = parser.currentTokenLocation();
        parser.nextToken();
        if (field.equals("rules")) {
          sawRules = true;
          readRows(name, parser, rows, problems);
        } else {
          if (!field.equals("about")) {
            problems.add(error(at, "unknown field '" + field + "': a rules file holds 'rules' (and an 'about' text)"));
          }
          parser.skipChildren();
        }
      }
      if (!sawRules) {
        problems.add(error(parser.currentTokenLocation(), "no 'rules' array: nothing to learn from this file"));
      }
      if (parser.nextToken() != null) {
        problems.add(error(parser.currentTokenLocation(), "text after the end of the rules object"));
      }
    } catch (JsonProcessingException e) {
      problems.add(error(e.getLocation(), "not valid JSON: " + e.getOriginalMessage()));
    } catch (IOException e) {
      // a String source never fails to read; report it anyway rather than lose it
      problems.add(Diagnostic.error(0, 0, "could not read the rules: " + e.getMessage()));
    }
    return new UserRules(rows);
  }

  private static void readRows(String name, JsonParser parser, List<UserRule> rows, List<Diagnostic> problems)
      throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      problems.add(error(parser.currentTokenLocation(), "'rules' must be an array of rows"));
      parser.skipChildren();
      return;
    }
    Map<String, String> firstByType = new HashMap<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      JsonLocation start = parser.currentTokenLocation();
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        problems.add(error(start, "a rule must be an object such as {\"types\": [\"MyBlock\"], \"rule\": \"none\"}"));
        parser.skipChildren();
        continue;
      }
      UserRowCheck row = readRow(parser, problems);
      String origin = name + ":" + start.getLineNr() + ":" + start.getColumnNr();
      UserRule rule = row.toRule(origin, problems);
      if (rule != null) {
        warnShadowed(rule, start, firstByType, problems);
        rows.add(rule);
      }
    }
  }

  /** Reads one row's fields with where each starts; a repeated field is an error. */
  private static UserRowCheck readRow(JsonParser parser, List<Diagnostic> problems) throws IOException {
    ObjectNode values = MAPPER.createObjectNode();
    Map<String, JsonLocation> at = new HashMap<>();
    JsonLocation start = parser.currentTokenLocation();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonLocation fieldAt = parser.currentTokenLocation();
      parser.nextToken();
      JsonNode value = parser.readValueAsTree();
      if (at.containsKey(field)) {
        problems.add(error(fieldAt, "'" + field + "' is given twice in this rule"));
      }
      at.put(field, fieldAt);
      values.set(field, value);
    }
    return new UserRowCheck(values, at, start);
  }

  /** A class an earlier row of the file already decides: the later row never applies to it. */
  private static void warnShadowed(UserRule rule, JsonLocation start, Map<String, String> firstByType,
      List<Diagnostic> problems) {
    if (rule.formula() == null) {
      return; // a tensor row applies only where its conditions hold: later rows still may
    }
    for (String type : rule.types()) {
      String first = firstByType.putIfAbsent(type, Integer.toString(start.getLineNr()));
      if (first != null) {
        problems.add(Diagnostic.warning(start.getLineNr(), start.getColumnNr(), "the rule on line " + first
            + " already decides " + type + ": this one never applies to it"));
      }
    }
  }

  static Diagnostic error(JsonLocation at, String message) {
    return at == null ? Diagnostic.error(0, 0, message)
        : Diagnostic.error(Math.max(0, at.getLineNr()), Math.max(0, at.getColumnNr()), message);
  }
}
