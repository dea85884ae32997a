// Prevent a double-clicked submit from posting twice; the server also guards this.
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (form.dataset.verzonden === "ja") { event.preventDefault(); return; }
  form.dataset.verzonden = "ja";
  setTimeout(function () { form.dataset.verzonden = ""; }, 4000);
});
