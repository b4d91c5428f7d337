export{L as LatchkeyCard}from"./latchkey-card-main-DiWrcogB.js";
