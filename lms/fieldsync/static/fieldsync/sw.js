/* Cascade's service worker, served at /sw.js by lms.fieldsync.views.service_worker, which
   fills in the version, the files to keep and the static prefix.

   - Pages the server marks with "X-Cascade-Offline: keep" (course and module pages, My
     learning, the field roster) are fetched from the network first and kept; offline the kept
     copy is shown, else a small "you are offline" page.
   - Quiz pages are never kept: offline they get a notice that quizzes need a connection
     (answers are graded on the server).
   - Images (module figures, their renditions) are kept once shown; static files are kept and
     refreshed in the background. Nothing else (POSTs, the admin, the API) is touched. */
"use strict";

const VERSION = "__VERSION__";
const PRECACHE = ["__PRECACHE__"];
const STATIC_URL = "__STATIC_URL__";
const ASSETS = "cascade-assets-" + VERSION;
const PAGES = "cascade-pages-v1";
const IMAGES = "cascade-images-v1";
const KEEP = [ASSETS, PAGES, IMAGES];
const LIMITS = {[PAGES]: 150, [IMAGES]: 400};  // a phone's storage is small
const QUIZ = /^\/[a-z]{2}(-[a-z]+)?\/quizzes\//;
const SKIP = /^\/(admin|django-admin|api|documents)\//;

self.addEventListener("install", (event) => {
  // Kept without the session cookie: the offline notices name nobody.
  const requests = PRECACHE.map((url) => new Request(url, {credentials: "omit"}));
  event.waitUntil(caches.open(ASSETS).then((cache) => cache.addAll(requests))
    .then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys().then((names) => Promise.all(names
    .filter((name) => name.startsWith("cascade-") && !KEEP.includes(name))
    .map((name) => caches.delete(name)))).then(() => self.clients.claim()));
});

self.addEventListener("message", (event) => {
  if (event.data === "forget-pages") {  // on log out: the next person sees nothing kept
    event.waitUntil(caches.delete(PAGES));
  }
});

function language(url) {
  const match = url.pathname.match(/^\/([a-z]{2})\//);
  return match ? match[1] : "fr";
}

function notice(url, kind) {
  const path = "/" + language(url) + "/offline/" + (kind === "quiz" ? "quiz/" : "");
  return caches.match(path).then((response) => response ||
    new Response("Offline / Hors ligne", {status: 503, headers: {"Content-Type": "text/plain"}}));
}

async function keep(name, key, response) {
  const cache = await caches.open(name);
  await cache.delete(key);  // re-inserted last: the keys are then oldest first
  await cache.put(key, response);
  const keys = await cache.keys();
  await Promise.all(keys.slice(0, Math.max(0, keys.length - LIMITS[name]))
    .map((old) => cache.delete(old)));
}

function pageKey(url) {
  return url.origin + url.pathname + url.search;
}

async function networkFirst(request, url) {
  try {
    const response = await fetch(request);
    if (response.ok && response.headers.get("X-Cascade-Offline") === "keep") {
      keep(PAGES, pageKey(url), response.clone());
    }
    return response;
  } catch (error) {
    const kept = await caches.match(pageKey(url), {cacheName: PAGES});
    return kept || notice(url, "page");
  }
}

function renditionBase(url) {  // "x.width-720.format-webp.webp" and "x.width-360..." match
  return url.pathname.replace(/\.(width|fill|max|min|height)-[^./]+/g, "").replace(/\.[^/]*$/, "");
}

async function image(request) {
  const cache = await caches.open(IMAGES);
  const kept = await cache.match(request);
  if (kept) {
    return kept;
  }
  try {
    const response = await fetch(request);
    if (response.ok || response.type === "opaque") {
      keep(IMAGES, request, response.clone());
    }
    return response;
  } catch (error) {
    // Offline, a rotated phone may ask for another width: any kept rendition will do.
    const wanted = renditionBase(new URL(request.url));
    for (const key of await cache.keys()) {
      if (renditionBase(new URL(key.url)) === wanted) {
        return cache.match(key);
      }
    }
    throw error;
  }
}

async function staleWhileRevalidate(request) {
  const cache = await caches.open(ASSETS);
  const kept = await cache.match(request);
  const fresh = fetch(request).then((response) => {
    if (response.ok) {
      cache.put(request, response.clone());
    }
    return response;
  });
  if (kept) {
    fresh.catch(() => null);
    return kept;
  }
  return fresh;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") {
    return;
  }
  const url = new URL(request.url);
  const local = url.origin === self.location.origin;
  if (local && (SKIP.test(url.pathname) || url.pathname === "/sw.js")) {
    return;
  }
  if (local && QUIZ.test(url.pathname)) {
    if (request.mode === "navigate") {
      event.respondWith(fetch(request).catch(() => notice(url, "quiz")));
    }
    return;
  }
  if (local && request.mode === "navigate") {
    event.respondWith(networkFirst(request, url));
  } else if (request.destination === "image") {
    event.respondWith(image(request));
  } else if (local && url.pathname.startsWith(STATIC_URL)) {
    event.respondWith(staleWhileRevalidate(request));
  }
});
