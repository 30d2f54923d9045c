package org.medvqa.terminology;

import java.util.List;
import java.util.Objects;

/**
 * One concept of a coding scheme.
 *
 * @param scheme coding scheme designator as DICOM writes it: {@code SCT}, {@code DCM}, {@code LN},
 *     {@code UMLS}, {@code MEDVQA} (the project's own lexicon), ...
 * @param code the code within the scheme
 * @param name the preferred name shown to people
 * @param kind what the concept names
 * @param synonyms every term that names it, the preferred name included
 * @param parents ids ({@code scheme:code}) of the concepts it is-a
 * @param group an exclusive group (for example {@code size}, {@code modality}): two answers that
 *     name different concepts of one group contradict each other; empty when none
 * @param source where the concept (and its first synonyms) came from
 */
public record Concept(
    String scheme,
    String code,
    String name,
    ConceptKind kind,
    List<String> synonyms,
    List<String> parents,
    String group,
    String source) {

  public Concept {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    synonyms = List.copyOf(synonyms);
    parents = List.copyOf(parents);
    group = group == null ? "" : group;
    source = source == null ? "" : source;
  }

  /** {@code scheme:code}, the key used for parents and lookups. */
  public String id() {
    return id(scheme, code);
  }

  public static String id(String scheme, String code) {
    return scheme + ":" + code;
  }

  @Override
  public String toString() {
    return id() + " " + name + " (" + kind.label() + ")";
  }
}
