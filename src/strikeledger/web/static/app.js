// strikeledger dashboard: filters submit themselves when changed, so the URL always holds them.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("form[data-autosubmit]").forEach(function (form) {
    form.addEventListener("change", function () {
      // Drop empty fields so the URL stays short and every filter in it means something.
      Array.prototype.forEach.call(form.elements, function (el) {
        if (el.name && el.value === "") { el.disabled = true; }
      });
      form.submit();
    });
    form.addEventListener("submit", function () {
      Array.prototype.forEach.call(form.elements, function (el) {
        if (el.name && el.value === "") { el.disabled = true; }
      });
    });
  });
});
