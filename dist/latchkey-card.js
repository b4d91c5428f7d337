export{L as LatchkeyCard}from"./latchkey-card-main-uupzq_uE.js";
