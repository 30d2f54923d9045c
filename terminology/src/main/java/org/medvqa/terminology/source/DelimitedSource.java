package org.medvqa.terminology.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.medvqa.terminology.Concept;
import org.medvqa.terminology.ConceptKind;

/**
 * A plain CSV or TSV file with a header row. Columns (any order, case-insensitive): {@code code}
 * and {@code name} required; {@code scheme}, {@code kind}, {@code synonyms} ({@code |}),
 * {@code parents} ({@code |}, codes of the same scheme or {@code scheme:code}), {@code group}
 * optional. CSV fields may be quoted with {@code "} (doubled inside); a field may not span lines.
 */
public final class DelimitedSource implements ConceptSource {
  private final TextFile file;
  private final char separator;
  private final String defaultScheme;
  private final ConceptKind defaultKind;

  public DelimitedSource(TextFile file, char separator, String defaultScheme, ConceptKind defaultKind) {
    this.file = file;
    this.separator = separator;
    this.defaultScheme = defaultScheme;
    this.defaultKind = defaultKind;
  }

  @Override
  public void readInto(ConceptCatalog catalog) {
    Map<String, Integer> columns = new HashMap<>();
    file.forEachLine(
        (line, text) -> {
          if (text.isBlank() || (columns.isEmpty() && text.startsWith("#"))) {
            return;
          }
          List<String> cells = split(text, line);
          if (columns.isEmpty()) {
            for (int i = 0; i < cells.size(); i++) {
              columns.put(cells.get(i).strip().toLowerCase(Locale.ROOT), i);
            }
            if (!columns.containsKey("code") || !columns.containsKey("name")) {
              throw file.badRow(line, "header needs the columns 'code' and 'name' (found " + cells + ")");
            }
            return;
          }
          String code = cell(cells, columns, "code");
          String name = Synonyms.clean(cell(cells, columns, "name"));
          if (code.isEmpty() || name.isEmpty()) {
            throw file.badRow(line, "empty code or name");
          }
          String scheme = cell(cells, columns, "scheme");
          scheme = scheme.isEmpty() ? defaultScheme : scheme;
          String kindText = cell(cells, columns, "kind");
          ConceptKind kind = kindText.isEmpty() ? defaultKind : ConceptKind.parse(kindText);
          List<String> parents = new ArrayList<>();
          for (String p : Synonyms.split(cell(cells, columns, "parents"), '|')) {
            parents.add(p.contains(":") ? p : Concept.id(scheme, p));
          }
          catalog.add(
              new Concept(
                  scheme,
                  code,
                  name,
                  kind,
                  Synonyms.split(cell(cells, columns, "synonyms"), '|'),
                  parents,
                  cell(cells, columns, "group"),
                  file.name()));
        });
  }

  private static String cell(List<String> cells, Map<String, Integer> columns, String column) {
    Integer i = columns.get(column);
    return i == null || i >= cells.size() ? "" : cells.get(i).strip();
  }

  private List<String> split(String text, int line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"' && cell.toString().isBlank()) {
        quoted = true;
        cell.setLength(0);
      } else if (c == separator) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    if (quoted) {
      throw file.badRow(line, "unclosed quote (fields may not span lines)");
    }
    cells.add(cell.toString());
    return cells;
  }

  @Override
  public String describe() {
    return (separator == ',' ? "CSV" : "TSV") + " (" + file.name() + ")";
  }
}
