package org.medvqa.training.phantom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every finding must be visible at 64x64 and where the answers say: render each phantom with and
 * without one finding (same noise), and look at the pixels that changed.
 */
class PhantomRendererTest {
  private static final int SIZE = 64;

  @Test
  void everyFindingIsVisibleAndOnItsSide() {
    PhantomVqaGenerator generator = new PhantomVqaGenerator(PhantomConfig.defaults().withN(250), ImageFormat.PNG);
    int checked = 0;
    List<FindingType> seen = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      PhantomSpec spec = generator.phantom(i);
      for (Finding f : spec.findings()) {
        List<Finding> others = new ArrayList<>(spec.findings());
        others.remove(f);
        PhantomSpec without = new PhantomSpec(spec.id(), spec.index(), spec.kind(), spec.dx(), spec.dy(),
            spec.scale(), others);
        short[] a = PhantomRenderer.render(spec, SIZE, Seeds.stream(1, i, Seeds.NOISE));
        short[] b = PhantomRenderer.render(without, SIZE, Seeds.stream(1, i, Seeds.NOISE));
        double threshold = 0.12 * spec.kind().windowWidth();
        int changed = 0;
        double sumX = 0;
        for (int p = 0; p < a.length; p++) {
          if (Math.abs(a[p] - b[p]) > threshold) {
            changed++;
            sumX += p % SIZE;
          }
        }
        assertThat(changed).as("%s %s in %s", spec.id(), f.type(), spec.kind()).isGreaterThanOrEqualTo(6);
        if (f.side() != null) {
          double centroidX = sumX / changed;
          // Radiological convention: the patient's right is the image's left.
          if (f.side() == Side.RIGHT) {
            assertThat(centroidX).as("%s %s", spec.id(), f).isLessThan(SIZE / 2.0);
          } else {
            assertThat(centroidX).as("%s %s", spec.id(), f).isGreaterThan(SIZE / 2.0);
          }
        }
        if (!seen.contains(f.type())) {
          seen.add(f.type());
        }
        checked++;
      }
    }
    assertThat(seen).containsExactlyInAnyOrder(FindingType.values());
    assertThat(checked).isGreaterThan(150);
  }

  @Test
  void storedValuesCarryModalityUnits() {
    PhantomSpec ct = null;
    PhantomVqaGenerator generator = new PhantomVqaGenerator(PhantomConfig.defaults(), ImageFormat.PNG);
    for (int i = 0; ct == null; i++) {
      if (generator.phantom(i).kind() == PhantomKind.CHEST_CT) {
        ct = generator.phantom(i);
      }
    }
    short[] px = PhantomRenderer.render(ct, SIZE, Seeds.stream(1, 0, Seeds.NOISE));
    double corner = px[0] + ct.kind().rescaleIntercept();
    assertThat(corner).isBetween(-1060.0, -940.0); // air, in HU, through the rescale intercept
  }
}
