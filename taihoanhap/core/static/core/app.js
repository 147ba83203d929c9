// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  document.documentElement.classList.add("js-enabled");
  document.addEventListener("DOMContentLoaded", function () {
    // Submit a select's form when it changes (language switch, filters marked data-autosubmit).
    document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
      select.addEventListener("change", function () { select.form.submit(); });
    });
    // Bring the error summary into view so screen readers and phone users see it first.
    var summary = document.querySelector("[data-focus-on-load]");
    if (summary) { summary.focus(); }
    // On a phone the menu folds behind one "Danh mục" button (without script it stays open).
    var nav = document.getElementById("site-nav");
    if (nav && window.matchMedia("(max-width: 40rem)").matches) {
      var toggle = document.createElement("button");
      toggle.type = "button";
      toggle.className = "site-nav__toggle";
      toggle.textContent = nav.getAttribute("data-menu-label");
      toggle.setAttribute("aria-expanded", "false");
      toggle.setAttribute("aria-controls", "site-nav-list");
      var list = nav.querySelector(".site-nav__list");
      list.id = "site-nav-list";
      nav.insertBefore(toggle, list);
      nav.classList.add("site-nav--folded");
      toggle.addEventListener("click", function () {
        var open = nav.classList.toggle("site-nav--folded") === false;
        toggle.setAttribute("aria-expanded", open ? "true" : "false");
      });
    }
    // Menu headings: opening one closes the others, and a click elsewhere closes them all.
    var groups = document.querySelectorAll(".site-nav__group");
    groups.forEach(function (group) {
      group.addEventListener("toggle", function () {
        if (group.open) {
          groups.forEach(function (other) { if (other !== group) { other.open = false; } });
        }
      });
    });
    document.addEventListener("click", function (event) {
      groups.forEach(function (group) { if (!group.contains(event.target)) { group.open = false; } });
    });
    // Folded sections of a page (the person page's agency sections) load their content the
    // first time they are opened; without script their link opens the section on its own page.
    document.querySelectorAll("details[data-section-url]").forEach(function (section) {
      section.addEventListener("toggle", function () {
        if (!section.open || section.hasAttribute("data-loaded")) { return; }
        section.setAttribute("data-loaded", "");
        var body = section.querySelector(".panel__body");
        body.setAttribute("aria-busy", "true");
        body.textContent = section.getAttribute("data-loading");
        fetch(section.getAttribute("data-section-url"), {
          headers: { "X-Requested-With": "fetch" },
          credentials: "same-origin"
        }).then(function (response) {
          if (!response.ok) { throw new Error(String(response.status)); }
          // Signed out meanwhile: the answer is the sign-in page; go there, not into the section.
          if (response.redirected) { window.location.assign(section.getAttribute("data-section-url")); return null; }
          return response.text();
        }).then(function (html) {
          if (html !== null) { body.innerHTML = html; }
        }).catch(function () {
          section.removeAttribute("data-loaded");
          body.textContent = section.getAttribute("data-error");
        }).then(function () { body.removeAttribute("aria-busy"); });
      });
    });
    // Print buttons.
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.addEventListener("click", function () { window.print(); });
    });
    // Keep typed form data if the network drops: forms marked data-keep-draft save a draft
    // in this browser and restore it on the next visit until the form is sent.
    document.querySelectorAll("form[data-keep-draft]").forEach(function (form) {
      var key = "draft:" + location.pathname + ":" + (form.getAttribute("data-keep-draft") || "");
      var skip = ["csrfmiddlewaretoken", "version"];
      try {
        var saved = JSON.parse(sessionStorage.getItem(key) || "null");
        if (saved && !form.querySelector(".field--error")) {
          Object.keys(saved).forEach(function (name) {
            var field = form.elements[name];
            if (field && !field.value && field.type !== "hidden") { field.value = saved[name]; }
          });
        }
      } catch (e) { /* storage unavailable: nothing to restore */ }
      form.addEventListener("input", function () {
        var data = {};
        Array.prototype.forEach.call(form.elements, function (el) {
          if (el.name && skip.indexOf(el.name) < 0 && el.type !== "password" && el.type !== "hidden" && el.type !== "file") {
            data[el.name] = el.value;
          }
        });
        try { sessionStorage.setItem(key, JSON.stringify(data)); } catch (e) { /* full or disabled */ }
      });
      // The draft is dropped only once the server confirms the save (a success message),
      // so a submit lost to the network keeps it.
      form.addEventListener("submit", function () {
        try { sessionStorage.setItem("pending-draft", key); } catch (e) { /* ignore */ }
      });
    });
    try {
      var pending = sessionStorage.getItem("pending-draft");
      if (pending && document.querySelector(".message--success")) {
        sessionStorage.removeItem(pending);
        sessionStorage.removeItem("pending-draft");
      }
    } catch (e) { /* storage unavailable */ }
  });
})();
