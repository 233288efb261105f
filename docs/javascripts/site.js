// Accessible names for two controls mkdocs-material draws after the page loads, checked by
// axe-core in tests/browser/. The theme builds the page in many small changes: the names
// are given once per frame, not once per change (a phone's main thread stays free).
var naming = false;
function nameControls() {
  naming = false;
  // The version selector: its name ("Select version") left out the version it shows, so a
  // reader using speech input could not name it (label-content-name-mismatch). Name it with
  // both, and put a real space between the version and its alias, which only a margin split.
  var button = document.querySelector(".md-version__current");
  if (button && !button.dataset.named) {
    button.dataset.named = "true";
    var alias = button.querySelector(".md-version__alias");
    if (alias) button.insertBefore(document.createTextNode(" "), alias);
    var shown = button.textContent.replace(/\s+/g, " ").trim();
    button.setAttribute("aria-label", shown + " (select version)");
  }
  // A code annotation's number is drawn by CSS only, which leaves its link without a name
  // (link-name).
  document.querySelectorAll("a.md-annotation__index:not([aria-label])").forEach(function (link) {
    var number = link.querySelector("[data-md-annotation-id]");
    link.setAttribute("aria-label", "Note " + (number ? number.dataset.mdAnnotationId : ""));
  });
}
new MutationObserver(function () {
  if (!naming) {
    naming = true;
    requestAnimationFrame(nameControls);
  }
}).observe(document.body, { childList: true, subtree: true });
