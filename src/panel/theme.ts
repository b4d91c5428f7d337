/**
 * Theme variables the card's styles use. An iframe inherits no CSS from Home Assistant's page,
 * so the panel copies the current values across (light/dark and user themes follow HA).
 */
export const THEME_VARIABLES = [
  "--primary-color",
  "--primary-text-color",
  "--secondary-text-color",
  "--disabled-text-color",
  "--primary-background-color",
  "--secondary-background-color",
  "--card-background-color",
  "--ha-card-background",
  "--ha-card-border-radius",
  "--divider-color",
  "--error-color",
  "--warning-color",
  "--success-color",
  "--ha-font-family-body",
  "--ha-font-weight-normal",
  "--ha-font-weight-medium",
  "--ha-font-family-code",
  "--ha-card-header-color",
  "--ha-card-header-font-family",
  "--ha-card-header-font-size",
  "--mdc-dialog-scrim-color",
];

export function copyTheme(from: Element, to: HTMLElement): void {
  const view = from.ownerDocument.defaultView;
  if (!view) return;
  const computed = view.getComputedStyle(from);
  for (const name of THEME_VARIABLES) {
    const value = computed.getPropertyValue(name).trim();
    if (value) to.style.setProperty(name, value);
    else to.style.removeProperty(name);
  }
}
