package org.medvqa.training.grpo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptScheduleTest {

  @Test
  void eachEpochVisitsEveryExampleOnceAndStepsAreReproducible() {
    var schedule = new PromptSchedule(7, 10, 4);
    List<Integer> firstEpochAndABit = new ArrayList<>();
    for (int step = 0; step < 3; step++) {
      firstEpochAndABit.addAll(schedule.indices(step));
    }
    assertThat(firstEpochAndABit.subList(0, 10)).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    // a fresh schedule (a resumed run) gives the same step 2
    assertThat(new PromptSchedule(7, 10, 4).indices(2)).isEqualTo(schedule.indices(2));
    assertThat(new PromptSchedule(8, 10, 4).indices(0)).isNotEqualTo(schedule.indices(0));
    assertThat(PromptSchedule.stepSeed(1, 5)).isEqualTo(PromptSchedule.stepSeed(1, 5)).isNotEqualTo(PromptSchedule.stepSeed(1, 6));
  }
}
