// js-yaml (4.x) is installed through eslint and ships no types; the packaging tests need only
// `load`, and they parse its result with zod.
declare module "js-yaml" {
  export function load(text: string): unknown;
}
