/** The layercount command-line tool; {@code io.layercount.cli.Main} is its entry point. */
module io.layercount.cli {
  requires io.layercount.core;
  // the parsers are services; requiring them makes a link or a launch without them fail early
  requires io.layercount.pytorch;
  requires io.layercount.keras;
  requires org.apache.commons.cli;
  requires com.fasterxml.jackson.databind;
}
