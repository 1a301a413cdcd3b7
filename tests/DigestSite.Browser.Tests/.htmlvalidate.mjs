// html-validate's configuration for the built pages (an ES module so that each exception can say why).
export default {
  extends: ["html-validate:standard", "html-validate:a11y"],
  rules: {
    // A <label for="x"> that also wraps its control #x is valid HTML and names the control twice
    // over on purpose: some assistive software (older voice-control tools) honours only the `for`
    // association. The search page's filters do this; html-validate calls it merely redundant.
    "no-redundant-for": "off",
  },
};
