/**
 * `ha-form` and its selectors are loaded lazily by Home Assistant. Creating a built-in card's
 * editor makes HA load them, the documented way custom card editors get HA's form elements.
 * Should a future HA change that card, the editor still opens after a short wait.
 */
const WAIT_MS = 5_000;

export async function loadHaForm(): Promise<void> {
  if (customElements.get("ha-form")) return;
  const helpers = await window.loadCardHelpers?.();
  if (!helpers) return;
  helpers.createCardElement({ type: "tile", entity: "lock.none" });
  const defined = await Promise.race([
    customElements.whenDefined("hui-tile-card").then(() => true),
    new Promise<false>((resolve) =>
      setTimeout(() => {
        resolve(false);
      }, WAIT_MS),
    ),
  ]);
  const tile: unknown = defined ? customElements.get("hui-tile-card") : undefined;
  if (
    typeof tile === "function" &&
    "getConfigElement" in tile &&
    typeof tile.getConfigElement === "function"
  ) {
    await Promise.resolve(Reflect.apply(tile.getConfigElement, tile, []));
  }
}
