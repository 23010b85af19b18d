package io.layercount.core.internal.count;

import io.layercount.core.Diagnostic;
import io.layercount.core.model.Network;
import java.util.List;
import java.util.Locale;

/**
 * Compares the parameters the layers add up to with the footer the text states, and explains a
 * difference. The footer counts the model's parameters (Keras 3 adds the optimizer's state to
 * {@code Total params}: that part is set apart first). A footer above the layers' sum means the
 * layers do not show everything the model holds, so the sum is only a lower bound.
 */
final class FooterCheck {
  /** Whether the sum may still be called exact after the check. */
  final boolean exact;
  /**
   * The footer's count where it is below the rows' exact sum of a Keras summary, or {@code null}:
   * Keras counts each weight once, and a layer sharing another's weight (Gemma's tied {@code
   * ReversibleEmbedding}) shows it on its own row too.
   */
  final Long deduplicated;

  FooterCheck(Network.StatedTotals footer, long total, boolean exact, boolean keras, List<Diagnostic> out) {
    Long model = modelTotal(footer);
    if (footer != null && footer.optimizer() != null && footer.optimizer() > 0 && footer.total() != null) {
      out.add(Diagnostic.info(0, 0, "the footer's Total params (" + n(footer.total()) + ") includes "
          + n(footer.optimizer()) + " optimizer parameters (its state, not the model's): the model holds "
          + (model == null ? "the rest" : n(model))));
    }
    if (footer != null && footer.total() != null && footer.trainable() != null && footer.nonTrainable() != null
        && footer.optimizer() == null && model != null && !footer.total().equals(model)) {
      long more = footer.total() - model;
      out.add(Diagnostic.warning(0, 0, "the footer's Total params (" + n(footer.total()) + ") is not Trainable +"
          + " Non-trainable (" + n(model) + "): " + (more > 0 ? n(more) + " more" : n(-more) + " fewer")
          + (more > 0 && model > 0 && more >= 2 * footer.trainable() && more <= 2 * footer.trainable() + 16
              ? ", about twice the trainable count, as an Adam optimizer's state is: Keras 3 adds that to Total params"
                  + " and says so on an 'Optimizer params' line, which this text does not have"
              : ": a line of the footer may have been edited or lost")
          + "; the model's count is taken as Trainable + Non-trainable"));
    }
    if (model == null || model == total) {
      this.exact = exact;
      this.deduplicated = null;
      return;
    }
    String head = "the layers' parameter counts add up to " + n(total) + ", the footer states " + n(model) + " ("
        + (total < model ? n(model - total) + " more" : n(total - model) + " fewer") + ")";
    if (total < model && !exact) {
      out.add(Diagnostic.warning(0, 0, head + ": the text lost or does not show some layers' counts (see the"
          + " other diagnostics); the total is a lower bound and the footer's figure is the model's"));
    } else if (total < model) {
      out.add(Diagnostic.warning(0, 0, head + ": some parameters belong to no row shown ("
          + (keras ? "weights the model holds outside its layers, or rows left out or edited"
              : "held by the model itself, by a module the forward pass never called, or by rows left out")
          + "); the total is a lower bound"));
    } else {
      out.add(Diagnostic.warning(0, 0, head + ": some parameters are counted on more than one row ("
          + (keras ? "a weight shared between layers, or an edited text"
              : "a tensor shared between modules, or a parametrization such as pruning that keeps extra copies")
          + "); the footer counts each tensor once"));
    }
    this.exact = exact && total > model;
    this.deduplicated = keras && exact && total > model ? model : null;
  }

  /** What the footer says the model holds: trainable + non-trainable, else the total less the optimizer's. */
  static Long modelTotal(Network.StatedTotals footer) {
    if (footer == null) {
      return null;
    }
    if (footer.trainable() != null && footer.nonTrainable() != null) {
      return Saturating.add(footer.trainable(), footer.nonTrainable());
    }
    if (footer.total() == null) {
      return null;
    }
    return footer.optimizer() == null ? footer.total() : footer.total() - footer.optimizer();
  }

  private static String n(long v) {
    return String.format(Locale.ROOT, "%,d", v);
  }
}
