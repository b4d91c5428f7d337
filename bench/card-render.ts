// The card render benchmark on its own: `npx tsx bench/card-render.ts` (builds the card if its
// bundle is missing or older than src/). `npm run bench` runs it as part of bench/run.ts.
import { benchCardRender } from "./card-render/index";
import { cardRenderRows, printCardRender } from "./card-render/print";
import { printTable } from "./stats";

const result = await benchCardRender();
printCardRender(result, "");
console.log("");
printTable(cardRenderRows(result));
