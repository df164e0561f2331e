/**
 * The colour-scheme control in the header: “system” (the default) follows the
 * operating system; “light” and “dark” override it and persist in
 * localStorage under `theme`, which public/theme.js applies before the first
 * paint of every page. The control stays hidden without JavaScript.
 */
const STORAGE_KEY = "theme";
type Theme = "system" | "light" | "dark";

function savedTheme(): Theme {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === "light" || value === "dark" ? value : "system";
  } catch {
    return "system";
  }
}

function applyTheme(theme: Theme): void {
  if (theme === "system") delete document.documentElement.dataset["theme"];
  else document.documentElement.dataset["theme"] = theme;
  try {
    if (theme === "system") localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, theme);
  } catch {
    // Without storage the choice lasts for this page only.
  }
}

export function installThemeChoice(): void {
  const select = document.querySelector<HTMLSelectElement>("#theme-choice");
  const label = select?.closest("label");
  if (!select || !label) return;
  select.value = savedTheme();
  select.addEventListener("change", () => applyTheme(select.value as Theme));
  label.hidden = false;
}
