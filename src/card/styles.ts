import { css } from "lit";

/** Buttons, chips and notices shared by the card's elements; colours come from the HA theme. */
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
    border: 1px solid var(--divider-color, #ccc);
    background: transparent;
    color: var(--primary-color);
    cursor: pointer;
  }
  button.primary {
    background: var(--primary-color);
    border-color: var(--primary-color);
    color: var(--text-primary-color, #fff);
  }
  button.danger {
    color: var(--error-color);
    border-color: var(--error-color);
  }
  button:disabled {
    opacity: 0.5;
    cursor: default;
  }
  button:focus-visible,
  input:focus-visible {
    outline: 2px solid var(--primary-color);
    outline-offset: 2px;
  }
  .notice {
    padding: 8px 12px;
    color: var(--secondary-text-color);
  }
  .error {
    color: var(--error-color);
  }
  .warning {
    color: var(--warning-color, #ffa600);
  }
  .row {
    display: flex;
    align-items: center;
    gap: 8px;
    flex-wrap: wrap;
  }
`;
