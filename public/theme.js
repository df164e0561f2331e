// Applies the reader's saved colour scheme before the first paint, so a dark
// page never flashes light. Without a saved choice the system's scheme applies
// (see src/styles/site.css); src/scripts/theme.ts saves the choice.
try {
  const theme = localStorage.getItem("theme");
  if (theme === "light" || theme === "dark") document.documentElement.dataset["theme"] = theme;
} catch {
  // Storage may be unavailable (private mode, file://); the system's scheme applies.
}
