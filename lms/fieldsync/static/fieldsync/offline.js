/* On every page: registers the service worker, shows the offline notice, and keeps the queue
   of changes made offline (module completions, attendance, enrolments), sent to the server
   when the connection returns. The queue is per signed-in person, in localStorage; each change
   carries an id made here, so the server applies it once however often it is sent.
   Exposes window.CascadeQueue for the field roster (field.js). No framework, no build step. */
(function () {
  "use strict";

  var meta = document.querySelector('meta[name="cascade-sync"]');
  var syncUrl = meta && meta.content;
  var userId = meta && meta.getAttribute("data-user");
  var sending = false;

  function key(name) {
    return "cascade." + name + "." + userId;
  }

  function read(name) {
    try {
      return JSON.parse(localStorage.getItem(key(name)) || "[]");
    } catch (error) {
      return [];
    }
  }

  function write(name, value) {
    localStorage.setItem(key(name), JSON.stringify(value));
  }

  function uuid() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 15) | 64;
    bytes[8] = (bytes[8] & 63) | 128;
    var hex = Array.prototype.map.call(bytes, function (b) {
      return (b + 256).toString(16).slice(1);
    }).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" +
      hex.slice(16, 20) + "-" + hex.slice(20);
  }

  function changed() {
    document.dispatchEvent(new CustomEvent("cascade:queue"));
  }

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    if (match) {
      return decodeURIComponent(match[1]);
    }
    var input = document.querySelector('input[name="csrfmiddlewaretoken"]');
    return input ? input.value : "";
  }

  function add(change) {
    change.id = change.id || uuid();
    change.at = change.at || new Date().toISOString();
    var queue = read("queue");
    queue.push(change);
    write("queue", queue);
    changed();
    if (navigator.onLine) {
      send();
    }
    return change;
  }

  function settle(results) {
    var byId = {};
    results.forEach(function (result) {
      byId[result.id] = result;
    });
    var refused = read("refused");
    var sent = read("sent");
    var left = read("queue").filter(function (change) {
      var result = byId[change.id];
      if (!result) {
        return true;
      }
      if (result.outcome === "applied") {
        sent.push({id: change.id, kind: change.kind, replayed: result.replayed});
      } else {
        refused.push({change: change, outcome: result.outcome, reason: result.reason});
      }
      return false;
    });
    write("queue", left);
    write("refused", refused.slice(-50));
    write("sent", sent.slice(-200));
  }

  // After a sync the kept copy of this page is out of date (a module still showing "Mark
  // complete", a roster without the people just enrolled): keep a fresh one.
  function refreshKept() {
    if (!window.caches) {
      return;
    }
    fetch(location.pathname + location.search, {credentials: "same-origin"})
      .then(function (response) {
        if (response.ok && response.headers.get("X-Cascade-Offline") === "keep") {
          return caches.open("cascade-pages-v1").then(function (cache) {
            return cache.put(location.origin + location.pathname + location.search, response);
          });
        }
        return null;
      }).catch(function () {
        return null;
      });
  }

  function send() {
    var queue = read("queue");
    if (sending || !syncUrl || !queue.length) {
      return Promise.resolve(null);
    }
    sending = true;
    window.CascadeQueue.problem = "";
    return fetch(syncUrl, {
      method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRFToken": csrfToken()},
      body: JSON.stringify({changes: queue.slice(0, 200)})
    }).then(function (response) {
      if (!response.ok) {
        window.CascadeQueue.problem = response.status === 401 || response.status === 403 ?
          "login" : "server";
        return null;
      }
      return response.json().then(function (data) {
        settle(data.results || []);
        if ((data.results || []).some(function (r) { return !r.replayed; })) {
          refreshKept();
        }
        return data;
      });
    }).catch(function () {
      return null;  // still offline: kept for later
    }).then(function (data) {
      sending = false;
      changed();
      if (data && read("queue").length) {
        return send();
      }
      return data;
    });
  }

  window.CascadeQueue = {
    add: add, send: send, uuid: uuid, problem: "",
    pending: function () { return read("queue"); },
    refused: function () { return read("refused"); },
    sent: function () { return read("sent"); },
    dismiss: function () { write("refused", []); changed(); }
  };

  function showConnection() {
    var banner = document.getElementById("offline-banner");
    if (banner) {
      banner.hidden = navigator.onLine;
    }
    document.documentElement.classList.toggle("is-offline", !navigator.onLine);
  }

  window.addEventListener("online", function () {
    showConnection();
    send();
  });
  window.addEventListener("offline", showConnection);

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.matches('[data-offline-kind="module_complete"]') && !navigator.onLine) {
      event.preventDefault();
      add({kind: "module_complete", module: Number(form.getAttribute("data-module"))});
      var note = form.querySelector("[data-queued]");
      if (note) {
        note.hidden = false;
      }
      form.querySelector("button").disabled = true;
    } else if (form.matches("[data-logout]") && navigator.serviceWorker &&
               navigator.serviceWorker.controller) {
      navigator.serviceWorker.controller.postMessage("forget-pages");
    }
  });

  // Module figures load lazily; a page kept for offline reading needs them all now.
  document.querySelectorAll('.module-body img[loading="lazy"]').forEach(function (img) {
    img.loading = "eager";
  });

  if ("serviceWorker" in navigator && window.isSecureContext) {
    navigator.serviceWorker.register("/sw.js", {scope: "/"}).catch(function () {
      return null;
    });
  }
  showConnection();
  if (navigator.onLine) {
    send();
  }
}());
