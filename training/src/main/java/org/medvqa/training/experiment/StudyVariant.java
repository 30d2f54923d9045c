package org.medvqa.training.experiment;

import java.util.List;
import java.util.Map;
import org.medvqa.training.grpo.GrpoConfig;

/**
 * One GRPO row of the study: its name in the table, where it starts, and how its config differs from
 * the study's plain GRPO config ({@code overrides} use TRL names).
 */
public record StudyVariant(String name, String description, Init init, Map<String, Object> overrides) {

  /** The seven GRPO rows, in the table's order (the SFT row comes first and is not a variant). */
  public static List<StudyVariant> paperRows() {
    Map<String, Double> plain = Map.of("format", 0.5, "accuracy", 1.0);
    return List.of(
        new StudyVariant("grpo_from_base", "GRPO from the base (report-pretrained) model", Init.BASE, Map.of()),
        new StudyVariant("grpo_from_sft", "GRPO from the SFT model", Init.INSTRUCT, Map.of()),
        new StudyVariant("grpo_semantic", "+ semantic-alignment reward (terminology)", Init.INSTRUCT,
            Map.of("reward_weights", with(plain, "semantic", 1.0))),
        new StudyVariant("grpo_ecr", "+ ECR length reward (always)", Init.INSTRUCT,
            Map.of("reward_weights", with(plain, "ecr", 0.5))),
        new StudyVariant("grpo_cwr", "+ CWR length reward (only when correct)", Init.INSTRUCT,
            Map.of("reward_weights", with(plain, "cwr", 0.5))),
        new StudyVariant("dr_grpo", "Dr. GRPO (loss_type dr_grpo, scale_rewards none)", Init.INSTRUCT,
            Map.of("loss_type", "dr_grpo", "scale_rewards", "none")),
        new StudyVariant("dapo", "DAPO-style (epsilon_high 0.28, dynamic sampling, overlong penalty, dapo loss)",
            Init.INSTRUCT,
            Map.of("loss_type", "dapo", "epsilon_high", 0.28, "dynamic_sampling", true,
                "reward_weights", with(plain, "overlong", 1.0))));
  }

  /** The plain config with this variant's overrides applied. */
  public GrpoConfig config(GrpoConfig plain) {
    return overrides.isEmpty() ? plain : plain.with(overrides);
  }

  private static Map<String, Double> with(Map<String, Double> base, String key, double weight) {
    var m = new java.util.LinkedHashMap<>(base);
    m.put(key, weight);
    return m;
  }
}
