// html-validate's configuration for the built pages: the standard and accessibility presets, no exceptions.
export default {
  extends: ["html-validate:standard", "html-validate:a11y"],
};
