// Progressive enhancement of the onderdelen form: show the category only for maatwerk and the
// sociale-kaart choice only for an algemene voorziening. Without JavaScript every field shows.
(function () {
  function bijwerken(fieldset) {
    var soort = fieldset.querySelector("select[name$='-soort']");
    if (!soort) { return; }
    fieldset.querySelectorAll("[data-toon-bij]").forEach(function (blok) {
      var heeftFout = blok.querySelector(".utrecht-form-field--invalid") !== null;
      blok.hidden = !heeftFout && blok.getAttribute("data-toon-bij") !== soort.value;
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("fieldset.skt-onderdeel").forEach(function (fieldset) {
      bijwerken(fieldset);
      fieldset.addEventListener("change", function (event) {
        if (event.target.matches("select[name$='-soort']")) { bijwerken(fieldset); }
      });
    });
  });
})();
