// Progressive enhancement of the onderdelen form. Without JavaScript every field shows and a
// submit button saves the concept and returns with an empty onderdeel; with it:
// - the category shows only for maatwerk, the sociale-kaart choice only for an algemene voorziening;
// - "Onderdeel toevoegen" adds an empty onderdeel in place, from the formset's empty form.
(function () {
  function bijwerken(fieldset) {
    var soort = fieldset.querySelector("select[name$='-soort']");
    if (!soort) { return; }
    fieldset.querySelectorAll("[data-toon-bij]").forEach(function (blok) {
      var heeftFout = blok.querySelector(".utrecht-form-field--invalid") !== null;
      blok.hidden = !heeftFout && blok.getAttribute("data-toon-bij") !== soort.value;
    });
  }

  function volgen(fieldset) {
    bijwerken(fieldset);
    fieldset.addEventListener("change", function (event) {
      if (event.target.matches("select[name$='-soort']")) { bijwerken(fieldset); }
    });
  }

  // The chosen law's categories first in every category list (the server does the same on load).
  function wetVoorop() {
    var gekozen = document.querySelector("input[name='wet']:checked");
    if (!gekozen || !gekozen.labels || !gekozen.labels.length) { return; }
    var wet = gekozen.labels[0].textContent.trim();
    document.querySelectorAll("select[name$='-categorie']").forEach(function (select) {
      var groep = Array.prototype.find.call(select.querySelectorAll("optgroup"), function (g) {
        return g.label === wet;
      });
      var eerste = select.querySelector("optgroup");
      if (groep && eerste && groep !== eerste) { select.insertBefore(groep, eerste); }
    });
  }

  document.addEventListener("change", function (event) {
    if (event.target.matches("input[name='wet']")) { wetVoorop(); }
  });

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("#onderdelen-lijst fieldset.skt-onderdeel").forEach(volgen);
    var knop = document.getElementById("onderdeel-toevoegen");
    var sjabloon = document.getElementById("onderdeel-sjabloon");
    var totaal = document.querySelector("input[name='onderdelen-TOTAL_FORMS']");
    var lijst = document.getElementById("onderdelen-lijst");
    if (!knop || !sjabloon || !totaal || !lijst) { return; }
    document.querySelectorAll("[data-met-js]").forEach(function (el) { el.hidden = false; });
    document.querySelectorAll("[data-zonder-js]").forEach(function (el) { el.hidden = true; });
    knop.addEventListener("click", function () {
      var index = parseInt(totaal.value, 10);
      var houder = document.createElement("div");
      houder.innerHTML = sjabloon.innerHTML.replace(/__prefix__/g, String(index));
      var fieldset = houder.querySelector("fieldset");
      lijst.appendChild(fieldset);
      totaal.value = String(index + 1);
      volgen(fieldset);
      wetVoorop();
      fieldset.querySelector("select[name$='-soort']").focus();
    });
  });
})();
