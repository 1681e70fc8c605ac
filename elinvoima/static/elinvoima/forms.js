// Forms that explain (the GOV.UK and Helsinki Design System pattern): after a failed save the
// page opens with a summary of every error at the top of the form, each linked to its field;
// the summary takes the focus (a screen reader reads it, a phone shows it) and the page
// title says there were errors. The messages themselves stay at the fields, where they
// also are without JavaScript. Texts come from the page (data-* of <body>), translated.
(function () {
  "use strict";

  function labelFor(errorBox) {
    var id = errorBox.id.replace(/_error$/, "");
    var label = document.querySelector('label[for="' + id + '"]');
    var fieldset = errorBox.closest("fieldset");
    var text = label ? label.textContent : fieldset && fieldset.querySelector("legend")
      ? fieldset.querySelector("legend").textContent : "";
    return { id: id, text: text.replace(/\s*\([^)]*\)\s*$/, "").trim() };
  }

  function summary(form, texts) {
    var boxes = form.querySelectorAll(".form-field__error[id$='_error'], .form-errors");
    if (!boxes.length) return null;
    var box = document.createElement("div");
    box.className = "hds-notification hds-notification--error error-summary";
    box.setAttribute("tabindex", "-1");
    box.setAttribute("aria-labelledby", "error-summary-title");
    var heading = document.createElement("h2");
    heading.id = "error-summary-title";
    heading.className = "error-summary__title";
    heading.textContent = texts.title;
    box.appendChild(heading);
    var list = document.createElement("ul");
    boxes.forEach(function (errorBox) {
      errorBox.querySelectorAll("p").forEach(function (message) {
        var item = document.createElement("li");
        if (errorBox.classList.contains("form-errors")) {
          item.textContent = message.textContent;
        } else {
          var field = labelFor(errorBox);
          var link = document.createElement("a");
          link.href = "#" + field.id;
          link.textContent = (field.text ? field.text + ": " : "") + message.textContent;
          link.addEventListener("click", function (event) {
            var target = document.getElementById(field.id);
            if (!target) return;
            event.preventDefault();
            target.scrollIntoView({ block: "center" });
            target.focus();
          });
          item.appendChild(link);
        }
        list.appendChild(item);
      });
    });
    box.appendChild(list);
    return box;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var texts = {
      title: document.body.dataset.errorSummaryTitle || "There is a problem",
      prefix: document.body.dataset.errorTitlePrefix || "Error",
    };
    var form = Array.prototype.find.call(document.querySelectorAll("main form"), function (f) {
      return f.querySelector(".form-field__error, .form-errors");
    });
    if (!form) return;
    var box = summary(form, texts);
    if (!box) return;
    form.insertBefore(box, form.firstChild);
    document.title = texts.prefix + ": " + document.title;
    box.focus();
  });
})();

// Formsets whose rows are added on demand (templates/_formset.html): the empty row Django
// renders gives way to a button; each press adds a row from the formset's <template>, with
// its fields numbered as Django expects (TOTAL_FORMS counts them), and moves the focus to it.
(function () {
  "use strict";

  function renumber(node, index) {
    node.querySelectorAll("[name], [id], [for], [aria-describedby]").forEach(function (el) {
      ["name", "id", "for", "aria-describedby"].forEach(function (attribute) {
        var value = el.getAttribute(attribute);
        if (value) el.setAttribute(attribute, value.replace(/__prefix__/g, index));
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-formset]").forEach(function (section) {
      var prefix = section.dataset.formset;
      var total = section.querySelector('input[name="' + prefix + '-TOTAL_FORMS"]');
      var max = section.querySelector('input[name="' + prefix + '-MAX_NUM_FORMS"]');
      var items = section.querySelector(".formset__items");
      var template = section.querySelector("template.formset__template");
      var button = section.querySelector(".formset__add");
      if (!total || !items || !template || !button) return;
      // The untouched empty rows at the end go; the count follows.
      var empty = items.querySelectorAll(".formset__item--empty");
      Array.prototype.slice.call(empty).reverse().forEach(function (row) {
        if (row === items.lastElementChild) {
          row.remove();
          total.value = String(Number(total.value) - 1);
        }
      });
      button.hidden = false;
      button.addEventListener("click", function () {
        var index = Number(total.value);
        if (max && index >= Number(max.value)) return;
        var row = template.content.firstElementChild.cloneNode(true);
        renumber(row, index);
        items.appendChild(row);
        total.value = String(index + 1);
        var first = row.querySelector("input:not([type=hidden]), select, textarea");
        if (first) first.focus();
      });
    });
  });
})();
