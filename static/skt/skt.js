// Prevent a double-clicked submit from posting twice; the server also guards this.
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (form.dataset.verzonden === "ja") { event.preventDefault(); return; }
  form.dataset.verzonden = "ja";
  setTimeout(function () { form.dataset.verzonden = ""; }, 4000);
});

// After a failed submit, move focus to the error summary so keyboard and screen-reader users
// start at the list of what to fix (NL Design System form pattern).
// The summary wins over a field's autofocus. A form whose action ends in #fragment makes the
// browser move focus to that fragment once the page has loaded, so the summary takes focus back
// then if nothing else has it.
function focusOpFoutoverzicht(alleenVanafBody) {
  var overzicht = document.querySelector("[data-foutoverzicht]");
  var losgelaten = document.activeElement === document.body || document.activeElement === null;
  if (overzicht && (!alleenVanafBody || losgelaten)) { overzicht.focus(); }
}
document.addEventListener("DOMContentLoaded", function () { focusOpFoutoverzicht(false); });
window.addEventListener("load", function () { setTimeout(function () { focusOpFoutoverzicht(true); }, 0); });

// A wide table scrolls inside its own labelled region instead of widening the page (WCAG 1.4.10).
// Templates may already wrap a table in .skt-tabelrol; every other table is wrapped here. The
// region takes keyboard focus so it can be scrolled without a mouse.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("main table").forEach(function (tabel) {
    if (tabel.closest(".skt-tabelrol")) { return; }
    var naam = tabel.getAttribute("aria-label") || (tabel.caption && tabel.caption.textContent.trim());
    if (!naam) {
      var kop = tabel.closest("section, main").querySelector("h1, h2, h3");
      naam = kop ? kop.textContent.trim() : "Tabel";
    }
    var rol = document.createElement("div");
    rol.className = "skt-tabelrol";
    rol.setAttribute("role", "region");
    rol.setAttribute("aria-label", naam);
    rol.tabIndex = 0;
    tabel.parentNode.insertBefore(rol, tabel);
    rol.appendChild(tabel);
  });
});

// The main menu folds behind a "Menu" button on a narrow screen. Without JavaScript the button
// stays hidden and the menu stays open.
document.addEventListener("DOMContentLoaded", function () {
  var knop = document.querySelector(".skt-menuknop");
  var menu = document.getElementById("hoofdmenu");
  if (!knop || !menu) { return; }
  document.documentElement.classList.add("skt-js");
  knop.hidden = false;
  knop.addEventListener("click", function () {
    var open = knop.getAttribute("aria-expanded") !== "true";
    knop.setAttribute("aria-expanded", open ? "true" : "false");
    menu.classList.toggle("skt-nav--open", open);
  });
});
