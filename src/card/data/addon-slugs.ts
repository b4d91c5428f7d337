/**
 * Where the Supervisor keeps the Latchkey add-on. A repository add-on's slug is
 * `<first 8 hex of sha1(lower-case repository URL)>_latchkey`; a copy in the local add-on
 * folder is `local_latchkey`. The hashes are written out because `crypto.subtle` is missing on
 * Home Assistant served over plain http. A unit test recomputes them from repository.yaml.
 */
export const ADDON_REPOSITORY_URL = "https://github.com/latchkey-home/latchkey";

export const ADDON_SLUG_CANDIDATES: readonly string[] = [
  "1118fc1f_latchkey", // the URL as published
  "48db41c4_latchkey", // …with a trailing slash
  "0f3a8084_latchkey", // …ending in .git
  "local_latchkey",
];

/** The add-on's own slug, the part after the repository hash. */
export const ADDON_SLUG = "latchkey";
