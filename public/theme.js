// Runs before the first paint, as a classic script (which browsers run even
// from the file system). Applies the reader's saved colour scheme, so a dark
// page never flashes light. Without a saved choice the system's scheme applies
// (see src/styles/site.css); src/scripts/theme.ts saves the choice.
try {
  const theme = localStorage.getItem("theme");
  if (theme === "light" || theme === "dark") document.documentElement.dataset["theme"] = theme;
} catch {
  // Storage may be unavailable (private mode, file://); the system's scheme applies.
}

// Opened from the file system, browsers run no module script and fetch nothing:
// search cannot work there, and the pages say so (site.css shows .needs-server).
// A folder has no index page on the file system either, so links to a folder
// are pointed at its index.html.
if (location.protocol === "file:") {
  document.documentElement.dataset["served"] = "file";
  document.addEventListener("DOMContentLoaded", () => {
    for (const link of document.querySelectorAll("a[href]")) {
      const url = new URL(link.href);
      if (url.protocol === "file:" && url.pathname.endsWith("/")) {
        url.pathname += "index.html";
        link.href = url.href;
      }
    }
  });
}

// Built with SERVICE_WORKER=on, the site installs its offline cache (sw.js at
// the site's root, written by scripts/lib/service-worker.ts) once the page has loaded.
const htmlData = document.documentElement.dataset;
if (htmlData["serviceWorker"] === "on" && "serviceWorker" in navigator && location.protocol !== "file:") {
  addEventListener("load", () => {
    navigator.serviceWorker
      .register(new URL("sw.js", new URL(htmlData["siteRoot"] ?? "/", location.href)))
      .catch(() => {
        // Without the cache the site works as before, online.
      });
  });
}
