package io.layercount.cli.bench;

/**
 * A PyTorch printout of a given number of modules, as {@code print(model)} writes it: a root
 * holding stages, each a {@code ModuleList} of residual blocks (a convolution, a batch norm, an
 * activation, a linear projection; about 100 characters a module, as in a ResNet's printout).
 * Every block has widths of its own, so PyTorch would not collapse them into a run ({@code (0-31):
 * 32 x Block(}) and no two share parsed arguments: the text grows with the module count, and so
 * does the work, as for a real model that large.
 */
final class SyntheticPrintout {
  /** Modules per block: the block and its four leaves. */
  private static final int PER_BLOCK = 5;
  private static final int BLOCKS_PER_STAGE = 1000;

  private SyntheticPrintout() {}

  /** A printout of about {@code modules} modules (root and stages included). */
  static String of(int modules) {
    int blocks = Math.max(1, modules / PER_BLOCK);
    StringBuilder sb = new StringBuilder(modules * 100);
    sb.append("SyntheticNet(\n  (stages): ModuleList(\n");
    for (int b = 0; b < blocks; b++) {
      if (b % BLOCKS_PER_STAGE == 0) {
        if (b > 0) {
          sb.append("      )\n    )\n");
        }
        sb.append("    (").append(b / BLOCKS_PER_STAGE).append("): Stage(\n      (blocks): ModuleList(\n");
      }
      int in = width(b);
      int out = width(b + 1);
      sb.append("        (").append(b % BLOCKS_PER_STAGE).append("): ResidualBlock(\n")
          .append("          (conv): Conv2d(").append(in).append(", ").append(out)
          .append(", kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), bias=False)\n")
          .append("          (bn): BatchNorm2d(").append(out)
          .append(", eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)\n")
          .append("          (act): ReLU(inplace=True)\n")
          .append("          (proj): Linear(in_features=").append(out).append(", out_features=").append(out)
          .append(", bias=True)\n")
          .append("        )\n");
    }
    sb.append("      )\n    )\n  )\n)\n");
    return sb.toString();
  }

  /**
   * Different for every block, so that no two blocks print alike (nor share parsed arguments); a
   * million modules stay far below 2^63 parameters.
   */
  private static int width(int block) {
    return 64 + block;
  }
}
