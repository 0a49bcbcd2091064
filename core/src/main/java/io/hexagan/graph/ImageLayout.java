package io.hexagan.graph;

/**
 * How a row of d = height × width × channels values is an image, and the widths of the
 * convolutional networks ({@link NetworkKind#CONVOLUTIONAL}). A row holds the channels one plane
 * after the other, each plane row-major: column {@code (c · height + y) · width + x}. Each
 * convolutional network halves the image twice with 5×5 stride-2 convolutions ('SAME' padding),
 * so height and width must be multiples of 4.
 *
 * <ul>
 *   <li>E: image [x̃ planes, m planes] → conv {@code filters} → conv {@code 2·filters} → the dense
 *       E's layers ({@code hiddenUnits × hiddenLayers}) → d_h.
 *   <li>G_MI: h → dense (height/4 · width/4 · 2·filters) → transposed conv {@code filters} →
 *       transposed conv {@code channels} → sigmoid; with {@code refinerFilters} > 0 a local refiner
 *       beside it ({@link LocalRefinerNetwork}).
 *   <li>D_MI: image x̂ → conv {@code criticFilters} → conv {@code 2·criticFilters}, then y joins
 *       and the dense head of D_MI's {@code criticUnits × criticLayers} and its linear outputs.
 * </ul>
 *
 * @param height image rows
 * @param width image columns
 * @param channels planes per image (1 for grey)
 * @param filters filters of the first convolution of E and of the last hidden one of G_MI
 * @param criticFilters filters of the first convolution of D_MI: D_MI runs on the batch tiled for
 *     its gradient penalty, so its width multiplies the penalty's cost
 * @param refinerFilters width of G_MI's local refiner ({@link LocalRefinerNetwork}): a pixel's observed
 *     neighbours in a 5×5 window, not the pixel itself, predict a term added to its logit when E did
 *     not see it, trained outside HexaGAN's game; 0 (a config written before this option): none
 */
public record ImageLayout(int height, int width, int channels, int filters, int criticFilters, int refinerFilters) {

  /** Side of the convolution kernels. */
  public static final int KERNEL = 5;

  /** No image: the dense networks. */
  public static final ImageLayout NONE = new ImageLayout(0, 0, 0, 0, 0, 0);

  /** A layout without a local refiner. */
  public ImageLayout(int height, int width, int channels, int filters, int criticFilters) {
    this(height, width, channels, filters, criticFilters, 0);
  }

  public ImageLayout {
    boolean none = height == 0 && width == 0 && channels == 0 && filters == 0 && criticFilters == 0
        && refinerFilters == 0;
    if (!none) {
      if (height < 4 || width < 4 || height % 4 != 0 || width % 4 != 0) {
        throw new IllegalArgumentException(
            "image: expected height and width multiples of 4 (two stride-2 halvings), found " + height + "×" + width);
      }
      if (channels < 1 || filters < 1 || criticFilters < 1) {
        throw new IllegalArgumentException("image: expected at least 1 channel and filter, found channels "
            + channels + ", filters " + filters + ", criticFilters " + criticFilters);
      }
      if (refinerFilters < 0 || refinerFilters > 1024) {
        throw new IllegalArgumentException("image: expected refinerFilters 0 to 1024, found " + refinerFilters);
      }
    }
  }

  /** This layout with a local refiner of {@code f} filters (0: none). */
  public ImageLayout withRefinerFilters(int f) {
    return new ImageLayout(height, width, channels, filters, criticFilters, f);
  }

  /** 28×28 grey images (MNIST) with 32 filters in E and G_MI and 16 in D_MI. */
  public static ImageLayout mnist() {
    return new ImageLayout(28, 28, 1, 32, 16);
  }

  /** Whether this is {@link #NONE}. */
  public boolean empty() {
    return height == 0;
  }

  /** Values per image: height × width × channels. */
  public int pixels() {
    return height * width * channels;
  }
}
