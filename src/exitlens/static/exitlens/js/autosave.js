// Saves a form in the background a few seconds after the last change: the leaver's answers and
// the interviewer's notes. Progressive enhancement only: without it the Save button does the same.
// The form carries data-autosave and the texts data-saving-text, data-saved-text, data-error-text.
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave]");
  if (!form || !window.fetch || !window.FormData) {
    return;
  }
  // Not form.action: the submit buttons are named "action" and would shadow it.
  var url = form.getAttribute("action") || window.location.href;
  var status = form.querySelector(".save-status");
  var delay = parseInt(form.dataset.autosave, 10) || 2000;
  var timer = null;
  var dirty = false;
  var saving = false;

  function show(text, isError) {
    if (!status) return;
    status.textContent = text || "";
    status.classList.toggle("is-error", Boolean(isError));
  }

  function failed() {
    dirty = true;
    show(form.dataset.errorText, true);
  }

  // The promise on the page is no longer the stored one: post the form for real, so the page
  // comes back with the new text and these answers, unsaved until the leaver sends them again.
  function changedUnderneath(response) {
    return response.json().then(function (body) {
      if (!body || !body.promise_changed) return failed();
      var action = document.createElement("input");
      action.type = "hidden";
      action.name = "action";
      action.value = "save";
      form.appendChild(action);
      form.submit();
    }, failed);
  }

  function save() {
    if (saving || !dirty) return;
    saving = true;
    dirty = false;
    var data = new FormData(form);
    data.set("action", "save");
    show(form.dataset.savingText);
    fetch(url, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" },
    })
      .then(function (response) {
        if (response.status === 409) return changedUnderneath(response);
        if (!response.ok) return failed();
        var time = new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
        show(form.dataset.savedText + " " + time);
      })
      .catch(failed)
      .then(function () {
        saving = false;
      });
  }

  function changed() {
    dirty = true;
    window.clearTimeout(timer);
    timer = window.setTimeout(save, delay);
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", function () {
    window.clearTimeout(timer);
  });
})();
