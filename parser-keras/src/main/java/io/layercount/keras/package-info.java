/** Keras {@code model.summary()} tables (see formats.md section 3). */
package io.layercount.keras;
