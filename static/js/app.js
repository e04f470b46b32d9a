// Teamlæring's small shared script. Page-specific behaviour lives in its own file.
document.addEventListener("htmx:responseError", (event) => {
  const status = event.detail.xhr.status;
  if (status === 401 || status === 403) {
    window.location.reload();
  }
});

// A table wider than the screen scrolls inside its box: the box then takes keyboard focus (the
// arrow keys scroll it) and is named after the table's caption or the heading before it, so
// keyboard users reach every column (WCAG 2.1.1). A box that fits is left out of the tab order.
function describeScrollingTables(root) {
  root.querySelectorAll(".table-responsive").forEach((box) => {
    if (box.scrollWidth > box.clientWidth + 1) {
      if (box.dataset.scrollable === "on") return;
      box.dataset.scrollable = "on";
      box.tabIndex = 0;
      box.setAttribute("role", "region");
      if (!box.hasAttribute("aria-label") && !box.hasAttribute("aria-labelledby")) {
        const caption = box.querySelector("caption");
        let heading = box.previousElementSibling;
        while (heading && !/^H[1-6]$/.test(heading.tagName)) heading = heading.previousElementSibling;
        const name = (caption || heading || { textContent: "" }).textContent.trim();
        if (name) box.setAttribute("aria-label", name);
        box.dataset.scrollableNamed = "on";
      }
    } else if (box.dataset.scrollable === "on") {
      delete box.dataset.scrollable;
      box.removeAttribute("tabindex");
      box.removeAttribute("role");
      if (box.dataset.scrollableNamed === "on") {
        box.removeAttribute("aria-label");
        delete box.dataset.scrollableNamed;
      }
    }
  });
}

document.addEventListener("DOMContentLoaded", () => describeScrollingTables(document));
document.addEventListener("htmx:afterSettle", () => describeScrollingTables(document));
window.addEventListener("resize", () => describeScrollingTables(document));

// A field the server fills in (a meeting's title, from its format and date) is replaced by an
// answer only while it still holds what was filled in and the planner is not in it: an answer
// asked for before the planner typed a title of their own arrives after it, and must not take
// it away, nor the field they have marked to write over.
document.addEventListener("htmx:oobBeforeSwap", (event) => {
  const target = event.detail.target;
  if (!(target instanceof Element) || !target.matches("[data-filled-in]")) return;
  const name = target.dataset.filledIn;
  const field = target.querySelector(`[name="${name}"]`);
  const filled = target.querySelector(`[name="${name}_auto"]`);
  if (!field || !filled) return;
  const typed = field.value.trim();
  const own = typed !== "" && typed !== filled.value.trim();
  if (own || document.activeElement === field) event.detail.shouldSwap = false;
});
