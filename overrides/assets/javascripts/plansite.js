/* "In / Lưu PDF": buttons marked data-plansite-print open the browser's print dialog.
   They stay hidden where scripts do not run, since they would do nothing there. */
document.querySelectorAll("[data-plansite-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});

/* A link to a folded notice (#thong-bao-…) opens it, so the reader lands on its words,
   not on a closed box. Browsers differ in whether they do this themselves. */
function plansiteOpenTarget() {
  var id = decodeURIComponent(location.hash.slice(1));
  var target = id && document.getElementById(id);
  if (target && target.tagName === "DETAILS") target.open = true;
}
plansiteOpenTarget();
window.addEventListener("hashchange", plansiteOpenTarget);
