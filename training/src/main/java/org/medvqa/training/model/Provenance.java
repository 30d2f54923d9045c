package org.medvqa.training.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where a model came from, written into {@code config.json} and the model card.
 *
 * @param parentModel the directory or name of the model it started from ("" for from scratch)
 * @param dataHash a hash of the training data (see {@code DataHash} in the SFT package)
 * @param trainingConfig the training configuration as JSON
 * @param metrics final metrics (loss, evaluation) as JSON
 * @param description one line for the model card
 */
public record Provenance(String parentModel, String dataHash, JsonNode trainingConfig, JsonNode metrics, String description) {
  public static Provenance untrained(String description) {
    return new Provenance("", "", JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.objectNode(), description);
  }

  public ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("parent_model", parentModel);
    node.put("data_hash", dataHash);
    node.set("training_config", trainingConfig);
    node.set("metrics", metrics);
    node.put("description", description);
    return node;
  }

  static Provenance fromJson(JsonNode node) {
    return new Provenance(node.path("parent_model").asText(""), node.path("data_hash").asText(""),
        node.path("training_config"), node.path("metrics"), node.path("description").asText(""));
  }
}
