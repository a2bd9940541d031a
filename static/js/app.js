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
