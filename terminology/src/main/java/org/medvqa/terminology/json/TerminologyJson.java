package org.medvqa.terminology.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.medvqa.terminology.Concept;
import org.medvqa.terminology.align.AlignmentResult;
import org.medvqa.terminology.extract.ConceptMention;

/**
 * JSON for people and programs. A mention:
 * <pre>{"scheme":"SCT","code":"36118008","name":"Pneumothorax","kind":"finding","negated":false,
 *  "laterality":"left","span":[4,16],"text":"pneumothorax","corrected":false}</pre>
 * An alignment: {@code {"semantic":0.8,"mode":"concepts","explanation":...,"matched":[...],
 * "missed":[...],"extra":[...],"contradictions":[...],"answer_concepts":[...],"reference_concepts":[...]}}.
 */
public final class TerminologyJson {
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private TerminologyJson() {}

  public static ObjectNode concept(Concept c) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("scheme", c.scheme());
    n.put("code", c.code());
    n.put("name", c.name());
    n.put("kind", c.kind().label());
    return n;
  }

  public static ObjectNode mention(ConceptMention m) {
    ObjectNode n = concept(m.concept());
    n.put("negated", m.negated());
    if (m.laterality() == null) {
      n.putNull("laterality");
    } else {
      n.put("laterality", m.laterality().label());
    }
    n.putArray("span").add(m.start()).add(m.end());
    n.put("text", m.text());
    n.put("corrected", m.corrected());
    return n;
  }

  public static ArrayNode mentions(List<ConceptMention> mentions) {
    ArrayNode a = MAPPER.createArrayNode();
    mentions.forEach(m -> a.add(mention(m)));
    return a;
  }

  /** The alignment's fields, with the score under {@code semantic}, put into {@code into}. */
  public static ObjectNode alignment(AlignmentResult r, ObjectNode into) {
    into.put("semantic", Math.round(r.score() * 10000) / 10000.0);
    into.put("mode", r.mode().name().toLowerCase(java.util.Locale.ROOT));
    into.put("explanation", r.explanation());
    ArrayNode matched = into.putArray("matched");
    for (AlignmentResult.Match m : r.matched()) {
      ObjectNode o = matched.addObject();
      o.set("answer", mention(m.answer()));
      o.set("reference", mention(m.reference()));
      o.put("credit", Math.round(m.credit() * 10000) / 10000.0);
      o.put("how", m.how());
    }
    into.set("missed", mentions(r.missed()));
    into.set("extra", mentions(r.extra()));
    ArrayNode contradictions = into.putArray("contradictions");
    for (AlignmentResult.Contradiction c : r.contradictions()) {
      ObjectNode o = contradictions.addObject();
      o.set("answer", mention(c.answer()));
      o.set("reference", mention(c.reference()));
      o.put("reason", c.reason());
    }
    into.set("answer_concepts", mentions(r.answerConcepts()));
    into.set("reference_concepts", mentions(r.referenceConcepts()));
    return into;
  }

  public static ObjectNode alignment(AlignmentResult r) {
    return alignment(r, MAPPER.createObjectNode());
  }
}
