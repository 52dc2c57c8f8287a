// Moves focus to the first field with a problem, so a keyboard or screen
// reader user lands where the form needs fixing.
document.addEventListener("DOMContentLoaded", function () {
  var bad = document.querySelector('[aria-invalid="true"]');
  if (bad) { bad.focus(); return; }
  var p = document.getElementById("problems");
  if (p) { p.setAttribute("tabindex", "-1"); p.focus(); }
});

// A trusted pre-filled value is read-only until the applicant ticks
// "correct this value".
document.addEventListener("change", function (ev) {
  var box = ev.target;
  if (!box.matches || !box.matches("input[data-unlock]")) return;
  var f = document.getElementById(box.getAttribute("data-unlock"));
  if (!f) return;
  if (box.checked) { f.removeAttribute("readonly"); f.disabled = false; f.focus(); }
  else { f.setAttribute("readonly", ""); }
});
