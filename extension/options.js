// Sign-in and status: the server's address, the personal access token, the copy of the library.
"use strict";
(function () {
  const api = typeof browser !== "undefined" ? browser : chrome;
  const t = function (name, substitutions) { return api.i18n.getMessage(name, substitutions) || name; };
  const status = document.getElementById("status");
  document.documentElement.lang = t("locale");
  document.querySelectorAll("[data-i18n]").forEach(function (el) { el.textContent = t(el.dataset.i18n); });

  function age(syncedAt) {
    const minutes = Math.round((Date.now() - syncedAt) / 60000);
    const format = new Intl.RelativeTimeFormat(t("locale"), { numeric: "auto" });
    if (minutes < 60) return format.format(-minutes, "minute");
    if (minutes < 60 * 48) return format.format(-Math.round(minutes / 60), "hour");
    return format.format(-Math.round(minutes / 1440), "day");
  }

  function show(state) {
    if (state.error && !state.signedIn) {
      status.className = "error";
      status.textContent = t({ revoked: "errorRevoked", unreachable: "errorUnreachable", server: "errorServer",
                               token: "errorToken" }[state.error] || "errorSignedOut");
    } else if (state.signedIn) {
      status.className = state.syncError ? "error" : "ok";
      status.textContent = t("signedIn", [state.server, String(state.count), state.syncedAt ? age(state.syncedAt) : "—"]) +
        (state.syncError ? " " + t("errorUnreachable") : "");
    } else {
      status.className = "";
      status.textContent = t("errorSignedOut");
    }
    document.getElementById("server").value = state.server || document.getElementById("server").value;
    if (state.name !== undefined) document.getElementById("name").value = state.name || "";
    document.getElementById("shortcut").textContent = t("shortcutIs", [state.shortcut || "—"]);
    document.body.dataset.state = state.signedIn ? "signed-in" : "signed-out";
  }

  function ask(message) { return api.runtime.sendMessage(message).then(show); }

  document.getElementById("sign-in").addEventListener("submit", function (event) {
    event.preventDefault();
    status.className = "";
    status.textContent = t("signingIn");
    ask({ type: "signIn", server: document.getElementById("server").value,
          token: document.getElementById("token").value, name: document.getElementById("name").value })
      .then(function () { document.getElementById("token").value = ""; });
  });
  document.getElementById("sync").addEventListener("click", function () { ask({ type: "sync" }); });
  document.getElementById("sign-out").addEventListener("click", function () { ask({ type: "signOut" }); });
  ask({ type: "status" });
})();
