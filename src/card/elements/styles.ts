import { css } from "lit";

/**
 * Buttons, chips and notices shared by the card's elements; colours come from the HA theme.
 * Text always uses the theme's text colours: HA's default primary, error and success colours
 * are too light for text on a white card (WCAG AA), so they mark borders, tints and dots.
 */
export const sharedStyles = css`
  :host {
    color: var(--primary-text-color);
    font-family: var(--ha-font-family-body, inherit);
  }
  button {
    font: inherit;
    min-height: 36px;
    padding: 0 12px;
    border-radius: 18px;
    border: 1px solid var(--primary-color);
    background: transparent;
    color: var(--primary-text-color);
    cursor: pointer;
  }
  button.primary {
    border-width: 2px;
    font-weight: var(--ha-font-weight-medium, 500);
    background: color-mix(in srgb, var(--primary-color) 18%, transparent);
  }
  button.danger {
    border-color: var(--error-color);
    background: color-mix(in srgb, var(--error-color) 12%, transparent);
  }
  button:disabled {
    opacity: 0.5;
    cursor: default;
  }
  /* Text, number, time and choice fields alike; check boxes keep the browser's look. */
  input:not([type="checkbox"]),
  select {
    box-sizing: border-box;
    min-width: 0;
    min-height: 40px;
    padding: 0 8px;
    font: inherit;
    color: inherit;
    background: transparent;
    border: 1px solid var(--divider-color, #ccc);
    border-radius: 4px;
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible {
    outline: 2px solid var(--primary-color);
    outline-offset: 2px;
  }
  .notice {
    padding: 8px 12px;
    color: var(--secondary-text-color);
  }
  .error,
  .warning {
    color: var(--primary-text-color);
    border-inline-start: 3px solid var(--error-color);
    padding-inline-start: 8px;
  }
  .warning {
    border-inline-start-color: var(--warning-color, #ffa600);
  }
  /* A coloured dot before a status word: the colour adds meaning, the word carries it. */
  .dot::before {
    content: "";
    display: inline-block;
    width: 8px;
    height: 8px;
    border-radius: 50%;
    margin-inline-end: 6px;
    background: var(--dot-color, var(--disabled-text-color, #bdbdbd));
  }
  h2 {
    margin: 0;
    font-size: 1.1em;
    font-weight: var(--ha-font-weight-medium, 500);
  }
  ul,
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .row {
    display: flex;
    align-items: center;
    gap: 8px;
    flex-wrap: wrap;
  }
`;

/** A lock's sync chip: the lock's name and what it holds of the code, with a status dot. */
export const chipStyles = css`
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    margin: 4px 0;
  }
  .chip {
    font-size: 0.8em;
    padding: 2px 8px;
    border-radius: 10px;
    background: var(--secondary-background-color, #eee);
  }
  .chip.synced {
    --dot-color: var(--success-color, #43a047);
  }
  .chip.failed,
  .chip.refused {
    --dot-color: var(--error-color);
  }
  .chip.waiting,
  .chip.unverified,
  .chip.pin_hidden,
  .chip.no_answer,
  .chip.off_unverified,
  .chip.pending,
  .chip.syncing,
  .chip.removing {
    --dot-color: var(--warning-color, #ffa600);
  }
`;
