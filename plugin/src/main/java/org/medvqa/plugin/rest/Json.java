package org.medvqa.plugin.rest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.StreamReadConstraints;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The API's Jackson settings: unknown fields are ignored (clients may send more than we read), and
 * nesting is capped so a deeply nested body is refused cheaply.
 */
@Provider
final class Json implements ContextResolver<ObjectMapper> {
  static final ObjectMapper MAPPER = create();

  static ObjectMapper create() {
    ObjectMapper m = new ObjectMapper();
    m.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
    m.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    m.configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
    return m;
  }

  @Override
  public ObjectMapper getContext(Class<?> type) {
    return MAPPER;
  }
}
