// Where the keyboard starts on a page (one mechanism for every form; WCAG 2.1 SC 2.4.3 and
// 3.3.1). After a failed submit: the error summary at the top of the form, whose links move
// the focus to their field. Otherwise, unless the page chose its own start (autofocus): the
// first field of the page's form that saves something (method="post"), e.g. the intake.
(function () {
  "use strict";
  function firstField(form) {
    var fields = form.querySelectorAll(
      "input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled])"
    );
    for (var i = 0; i < fields.length; i++) {
      if (fields[i].offsetParent !== null) return fields[i];
    }
    return null;
  }
  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-cetak]")) window.print();
  });
  document.addEventListener("DOMContentLoaded", function () {
    // The server checks every field (the error summary says what is wrong, in Indonesian):
    // never the browser's own bubbles (crispy forms carry `novalidate` already).
    var forms = document.querySelectorAll("form");
    for (var i = 0; i < forms.length; i++) forms[i].noValidate = true;
    var summary = document.querySelector("[data-ringkasan-galat]");
    if (summary) {
      summary.focus();
      summary.addEventListener("click", function (event) {
        var link = event.target.closest("[data-ke-isian]");
        var field = link && document.getElementById(link.getAttribute("data-ke-isian"));
        if (field) {
          event.preventDefault();
          field.focus();
          field.scrollIntoView({ block: "center" });
        }
      });
      return;
    }
    if (document.querySelector("[autofocus]")) return;
    var form = document.querySelector("main form[method=post]:not([data-tanpa-fokus])");
    var field = form && firstField(form);
    if (field) field.focus();
  });
})();

// Text limits (the model's max_length): a counter under each text area while typing, and a
// paste that would go past the limit refused with a message, never cut. The browser's own
// `maxlength` would cut a pasted text without a word, so it is turned into data-batas here;
// the server still refuses an over-long value with the error summary.
(function () {
  "use strict";
  function angka(n) {
    return n.toLocaleString("id-ID");
  }
  function pasang(field) {
    var batas = parseInt(field.getAttribute("maxlength"), 10);
    if (!batas || field.type === "hidden" || field.readOnly) return;
    field.removeAttribute("maxlength");
    field.setAttribute("data-batas", batas);
    var counter = document.createElement("div");
    counter.className = "form-text penghitung-isian";
    counter.id = (field.id || field.name) + "-penghitung";
    var pesan = document.createElement("div");
    pesan.className = "invalid-feedback";
    pesan.setAttribute("role", "alert");
    function tampil(ya) {
      pesan.style.display = ya ? "block" : "none";
    }
    tampil(false);
    var selalu = field.tagName === "TEXTAREA";
    function perbarui() {
      var n = field.value.length;
      var lewat = n > batas;
      counter.textContent = lewat
        ? angka(n) + " dari " + angka(batas) + " karakter: melebihi batas " + angka(n - batas) + " karakter"
        : angka(n) + " dari " + angka(batas) + " karakter";
      counter.classList.toggle("text-danger", lewat);
      counter.classList.toggle("fw-semibold", lewat);
      counter.hidden = !(selalu || n >= batas * 0.8);
    }
    field.addEventListener("input", function () {
      tampil(false);
      perbarui();
    });
    field.addEventListener("paste", function (event) {
      var teks = (event.clipboardData || window.clipboardData).getData("text") || "";
      var terpilih = (field.selectionEnd || 0) - (field.selectionStart || 0);
      var jadi = field.value.length - terpilih + teks.length;
      if (jadi <= batas) return;
      event.preventDefault();
      pesan.textContent =
        "Teks yang ditempel (" + angka(teks.length) + " karakter) membuat isian ini " +
        angka(jadi) + " karakter, melebihi batas " + angka(batas) +
        " karakter. Teks tidak ditempel; ringkas dahulu, lalu tempel kembali.";
      tampil(true);
    });
    var describedby = (field.getAttribute("aria-describedby") || "").trim();
    field.setAttribute("aria-describedby", (describedby + " " + counter.id).trim());
    field.insertAdjacentElement("afterend", pesan);
    field.insertAdjacentElement("afterend", counter);
    perbarui();
  }
  document.addEventListener("DOMContentLoaded", function () {
    var fields = document.querySelectorAll(
      "main textarea[maxlength], main input[maxlength]:not([type=search]):not([type=hidden])"
    );
    for (var i = 0; i < fields.length; i++) pasang(fields[i]);
  });
})();
