package org.medvqa.training.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicDirectoryTest {
  @TempDir Path dir;

  private Path filledWith(Path target, String content) throws Exception {
    Path tmp = AtomicDirectory.temporarySibling(target);
    Files.writeString(tmp.resolve("state.json"), content);
    return tmp;
  }

  @Test
  void replaceSwapsInTheNewContentAndLeavesNoSiblings() throws Exception {
    Path target = dir.resolve("checkpoint");
    AtomicDirectory.replace(filledWith(target, "step 1"), target);
    AtomicDirectory.replace(filledWith(target, "step 2"), target);
    assertThat(Files.readString(target.resolve("state.json"))).isEqualTo("step 2");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("checkpoint");
    }
  }

  @Test
  void recoverPutsBackTheCopyMovedAsideWhenACrashCameBetweenTheTwoMoves() throws Exception {
    Path target = dir.resolve("checkpoint");
    AtomicDirectory.replace(filledWith(target, "step 1"), target);
    // the state replace() leaves when killed after moving the old copy aside, before moving the new one in
    Files.move(target, dir.resolve(".checkpoint.old-100"));
    Files.move(filledWith(target, "older"), dir.resolve(".checkpoint.old-50"));
    filledWith(target, "step 2, maybe incomplete");

    assertThat(AtomicDirectory.recover(target)).isTrue();
    assertThat(Files.readString(target.resolve("state.json"))).isEqualTo("step 1");
    assertThat(AtomicDirectory.recover(target)).as("nothing to do once the target exists").isFalse();
  }

  @Test
  void recoverDoesNothingWithoutACopyMovedAside() throws Exception {
    Path target = dir.resolve("checkpoint");
    filledWith(target, "incomplete");
    assertThat(AtomicDirectory.recover(target)).isFalse();
    assertThat(target).doesNotExist();
  }
}
