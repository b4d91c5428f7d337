/**
 * `ha-form` and its selectors are loaded lazily by Home Assistant. Creating a built-in card's
 * editor makes HA load them, the documented way custom card editors get HA's form elements.
 */
export async function loadHaForm(): Promise<void> {
  if (customElements.get("ha-form")) return;
  const helpers = await window.loadCardHelpers?.();
  if (!helpers) return;
  helpers.createCardElement({ type: "tile", entity: "lock.none" });
  await customElements.whenDefined("hui-tile-card");
  const tile: unknown = customElements.get("hui-tile-card");
  if (typeof tile === "function" && "getConfigElement" in tile && typeof tile.getConfigElement === "function") {
    await Promise.resolve(Reflect.apply(tile.getConfigElement, tile, []));
  }
}
