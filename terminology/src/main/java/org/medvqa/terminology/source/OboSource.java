package org.medvqa.terminology.source;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medvqa.terminology.Concept;
import org.medvqa.terminology.ConceptKind;

/**
 * An OBO 1.4 flat file: {@code [Term]} stanzas with {@code id: PREFIX:LOCAL}, {@code name:},
 * {@code synonym: "text" SCOPE [...]} (EXACT, RELATED, NARROW and BROAD are all kept as synonyms
 * except BROAD), {@code is_a: ID ! label} and {@code is_obsolete: true} (skipped). The scheme is the
 * id's prefix.
 */
public final class OboSource implements ConceptSource {
  private static final Pattern SYNONYM = Pattern.compile("^\"((?:[^\"\\\\]|\\\\.)*)\"\\s*([A-Z]*)");

  private final TextFile file;
  private final ConceptKind kind;

  public OboSource(TextFile file, ConceptKind kind) {
    this.file = file;
    this.kind = kind;
  }

  @Override
  public void readInto(ConceptCatalog catalog) {
    var stanza = new Object() {
      boolean term;
      String id;
      String name;
      boolean obsolete;
      List<String> synonyms = new ArrayList<>();
      List<String> parents = new ArrayList<>();
      int line;

      void flush() {
        if (term && id != null && !obsolete) {
          int colon = id.indexOf(':');
          if (colon <= 0 || name == null) {
            throw file.badRow(line, "term '" + id + "' needs an id PREFIX:LOCAL and a name");
          }
          catalog.add(new Concept(id.substring(0, colon), id.substring(colon + 1), Synonyms.clean(name), kind,
              synonyms, parents, "", "OBO " + file.name()));
        }
        term = false;
        id = null;
        name = null;
        obsolete = false;
        synonyms = new ArrayList<>();
        parents = new ArrayList<>();
      }
    };
    file.forEachLine(
        (number, raw) -> {
          String text = raw.strip();
          if (text.startsWith("[")) {
            stanza.flush();
            stanza.term = text.equals("[Term]");
            stanza.line = number;
            return;
          }
          if (!stanza.term || text.isEmpty() || text.startsWith("!")) {
            return;
          }
          int colon = text.indexOf(':');
          if (colon < 0) {
            throw file.badRow(number, "expected 'tag: value'");
          }
          String tag = text.substring(0, colon).strip();
          String value = text.substring(colon + 1).strip();
          switch (tag) {
            case "id" -> stanza.id = value;
            case "name" -> stanza.name = value;
            case "is_obsolete" -> stanza.obsolete = value.startsWith("true");
            case "is_a" -> stanza.parents.add(value.split("[\\s!{]", 2)[0]);
            case "synonym" -> {
              Matcher m = SYNONYM.matcher(value);
              if (!m.find()) {
                throw file.badRow(number, "synonym must start with a quoted string");
              }
              if (!m.group(2).equals("BROAD")) {
                String s = Synonyms.clean(m.group(1).replace("\\\"", "\""));
                if (!s.isEmpty()) {
                  stanza.synonyms.add(s);
                }
              }
            }
            default -> {}
          }
        });
    stanza.flush();
  }

  @Override
  public String describe() {
    return "OBO (" + file.name() + ")";
  }
}
