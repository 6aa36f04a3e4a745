// Saves the leaver's answers two seconds after they stop typing. The form works without it.
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave]");
  if (!form || !window.fetch || !window.FormData) {
    return;
  }
  var status = form.querySelector(".save-status");
  var timer = null;

  function show(text) {
    if (status) {
      status.textContent = text;
    }
  }

  function save() {
    timer = null;
    var data = new FormData(form);
    data.set("action", "save");
    fetch(form.action, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" },
    })
      .then(function (response) {
        return response.json().then(function (body) {
          return response.ok && body.saved === true;
        });
      })
      .then(function (saved) {
        show(saved ? form.dataset.savedText : form.dataset.failedText);
      })
      .catch(function () {
        show(form.dataset.failedText);
      });
  }

  function schedule() {
    show("");
    window.clearTimeout(timer);
    timer = window.setTimeout(save, 2000);
  }

  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
  form.addEventListener("submit", function () {
    window.clearTimeout(timer);
  });
})();
