/* "In / Lưu PDF": buttons marked data-plansite-print open the browser's print dialog.
   They stay hidden where scripts do not run, since they would do nothing there. */
document.querySelectorAll("[data-plansite-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
