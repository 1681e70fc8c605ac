// Forms that keep their draft in the device (<form data-keep-draft="key">): volunteers fill
// them in on a phone, where the connection drops. What is typed is kept in localStorage as it
// is typed; the form is sent with fetch, and when the connection is gone the draft stays, the
// user is told so (the form's .draft-status, a polite live region), and the form is sent again
// as soon as the browser is back online. An opened form finds an unsent draft and restores it.
// The form carries a key of its own sending (client_key) or the version it loaded
// (loaded_version), both kept in the draft: a form sent twice makes one activity, and a draft
// of an answer someone else has changed since is refused by the server, not saved over theirs.
// Without JavaScript the form posts as any other.
(function () {
  "use strict";

  var PREFIX = "elinvoima-draft:";
  var SKIPPED = { csrfmiddlewaretoken: true };

  function storageKey(form) {
    return PREFIX + form.dataset.keepDraft;
  }

  function fields(form) {
    return Array.prototype.filter.call(form.elements, function (element) {
      return element.name && !SKIPPED[element.name] && element.type !== "submit" &&
        element.type !== "button" && element.type !== "file";
    });
  }

  function read(form) {
    var values = {};
    fields(form).forEach(function (element) {
      if (element.type === "checkbox" || element.type === "radio") {
        values[element.name + "=" + element.value] = element.checked;
      } else {
        values[element.name] = element.value;
      }
    });
    return values;
  }

  function write(form, values) {
    fields(form).forEach(function (element) {
      if (element.type === "checkbox" || element.type === "radio") {
        var key = element.name + "=" + element.value;
        if (key in values) element.checked = values[key];
      } else if (element.name in values) {
        element.value = values[element.name];
      }
    });
  }

  function save(form) {
    try {
      localStorage.setItem(storageKey(form), JSON.stringify({ values: read(form), at: Date.now() }));
    } catch (error) { /* storage full or forbidden: the form still posts */ }
  }

  function stored(form) {
    try {
      return JSON.parse(localStorage.getItem(storageKey(form)) || "null");
    } catch (error) {
      return null;
    }
  }

  function forget(form) {
    try { localStorage.removeItem(storageKey(form)); } catch (error) { /* nothing kept */ }
  }

  function say(form, which) {
    var status = form.querySelector(".draft-status");
    if (!status) return;
    status.textContent = which ? status.dataset[which] : "";
    status.classList.toggle("draft-status--shown", Boolean(which));
  }

  function postNatively(form, submitter) {
    // The server's own answer (a page with the errors at the fields): the browser shows it.
    if (submitter && submitter.name) {
      var hidden = document.createElement("input");
      hidden.type = "hidden";
      hidden.name = submitter.name;
      hidden.value = submitter.value;
      form.appendChild(hidden);
    }
    HTMLFormElement.prototype.submit.call(form);
  }

  function send(form, submitter) {
    var body = submitter ? new FormData(form, submitter) : new FormData(form);
    form.dataset.sending = "1";
    // The attribute, not form.action: a control named "action" (the card answer's buttons)
    // shadows that property.
    return fetch(form.getAttribute("action") || window.location.href, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      redirect: "manual",
      headers: { "X-Requested-With": "fetch" },
    }).then(function (response) {
      delete form.dataset.sending;
      var next = response.status === 204 && response.headers.get("X-Location");
      if (next) {
        forget(form); // saved: the next page says so (core.middleware.FetchedFormRedirect…)
        window.location.assign(next);
      } else {
        postNatively(form, submitter);
      }
    }, function () {
      // No answer at all: the connection is gone. Keep the draft and wait for it.
      delete form.dataset.sending;
      save(form);
      say(form, "offline");
      form.dataset.waiting = submitter && submitter.name ? submitter.name + "=" + submitter.value : "=";
    });
  }

  function resend(form) {
    if (!form.dataset.waiting || form.dataset.sending) return;
    var parts = form.dataset.waiting.split("=");
    delete form.dataset.waiting;
    var submitter = parts[0] ? form.querySelector(
      'button[name="' + parts[0] + '"][value="' + parts.slice(1).join("=") + '"]') : null;
    say(form, "sending");
    send(form, submitter);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-keep-draft]").forEach(function (form) {
      var draft = stored(form);
      // A page that came back with errors shows what was sent; else an unsent draft wins.
      var hasErrors = form.querySelector(".form-field__error, .form-errors");
      if (draft && draft.values && !hasErrors) {
        write(form, draft.values);
        say(form, "restored");
      }
      form.addEventListener("input", function () { save(form); });
      form.addEventListener("change", function () { save(form); });
      form.addEventListener("submit", function (event) {
        if (!window.fetch || !window.FormData) return;
        event.preventDefault();
        save(form);
        if (form.dataset.sending) return; // a second tap while the first is on its way
        if (navigator.onLine === false) {
          say(form, "offline");
          form.dataset.waiting = event.submitter && event.submitter.name
            ? event.submitter.name + "=" + event.submitter.value : "=";
          return;
        }
        send(form, event.submitter);
      });
      window.addEventListener("online", function () { resend(form); });
    });
  });
})();
