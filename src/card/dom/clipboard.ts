/**
 * Copies text for the person. The Clipboard API exists only on https (or localhost) and may be
 * refused; the caller then tells the person to select the text. Returns whether it worked.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
