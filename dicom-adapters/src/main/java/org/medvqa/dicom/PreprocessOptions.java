package org.medvqa.dicom;

/**
 * How {@link ImagePipeline} turns stored values into a {@link ModelReadyImage}.
 *
 * @param width output width in pixels, or 0 to keep the image's own
 * @param height output height in pixels, or 0 to keep the image's own
 * @param channels 1 (grayscale; colour images are converted with Rec. 601 luma) or 3 (RGB;
 *     grayscale is replicated)
 * @param resize STRETCH to the requested size, or PAD: keep the aspect ratio, centre, fill with 0
 * @param window a fixed VOI window (in modality units), or null: the object's first window if it
 *     has one, else the robust default (percentiles {@code lowPercentile}..{@code highPercentile})
 * @param ignoreTagWindow true to use the percentile window even where the object carries one
 */
public record PreprocessOptions(
    int width, int height, int channels, Resize resize, VoiWindow window, boolean ignoreTagWindow,
    double lowPercentile, double highPercentile) {

  public enum Resize { STRETCH, PAD }

  /** Native size, grayscale, window from the tags else 0.5th..99.5th percentile. */
  public static final PreprocessOptions DEFAULT =
      new PreprocessOptions(0, 0, 1, Resize.STRETCH, null, false, 0.5, 99.5);

  public PreprocessOptions {
    if (width < 0 || height < 0 || (width == 0) != (height == 0)) {
      throw new IllegalArgumentException("width and height must both be > 0, or both 0: " + width + "x" + height);
    }
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("channels must be 1 or 3: " + channels);
    }
    if (!(lowPercentile >= 0 && lowPercentile < highPercentile && highPercentile <= 100)) {
      throw new IllegalArgumentException("need 0 <= low < high <= 100: " + lowPercentile + ", " + highPercentile);
    }
    resize = resize == null ? Resize.STRETCH : resize;
  }

  public PreprocessOptions withSize(int newWidth, int newHeight) {
    return new PreprocessOptions(newWidth, newHeight, channels, resize, window, ignoreTagWindow,
        lowPercentile, highPercentile);
  }

  public PreprocessOptions withChannels(int newChannels) {
    return new PreprocessOptions(width, height, newChannels, resize, window, ignoreTagWindow,
        lowPercentile, highPercentile);
  }

  public PreprocessOptions withResize(Resize newResize) {
    return new PreprocessOptions(width, height, channels, newResize, window, ignoreTagWindow,
        lowPercentile, highPercentile);
  }

  public PreprocessOptions withWindow(VoiWindow newWindow) {
    return new PreprocessOptions(width, height, channels, resize, newWindow, ignoreTagWindow,
        lowPercentile, highPercentile);
  }

  public PreprocessOptions withPercentileWindow(double low, double high) {
    return new PreprocessOptions(width, height, channels, resize, null, true, low, high);
  }
}
