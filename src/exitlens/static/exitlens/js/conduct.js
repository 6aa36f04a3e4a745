// Conduct page: save the answers in the background a few seconds after the interviewer types.
// Progressive enhancement only: without this script the Save button does the same.
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave]");
  if (!form || !window.fetch || !window.FormData) {
    return;
  }
  var status = form.querySelector(".save-status");
  var timer = null;
  var dirty = false;
  var saving = false;

  function show(text, isError) {
    if (!status) return;
    status.textContent = text;
    status.classList.toggle("is-error", Boolean(isError));
  }

  function save() {
    if (saving || !dirty) return;
    saving = true;
    dirty = false;
    var data = new FormData(form);
    data.set("action", "save");
    show(form.dataset.savingText || "Saving…");
    fetch(form.action, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-Requested-With": "XMLHttpRequest" },
    })
      .then(function (response) {
        if (response.status === 204) {
          var time = new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
          show((form.dataset.savedText || "Saved at") + " " + time);
        } else {
          dirty = true;
          show(form.dataset.errorText || "Not saved: use the Save button.", true);
        }
      })
      .catch(function () {
        dirty = true;
        show(form.dataset.errorText || "Not saved: use the Save button.", true);
      })
      .then(function () {
        saving = false;
      });
  }

  function changed() {
    dirty = true;
    window.clearTimeout(timer);
    timer = window.setTimeout(save, 3000);
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", function () {
    window.clearTimeout(timer);
  });
})();
