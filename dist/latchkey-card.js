export{L as LatchkeyCard}from"./latchkey-card-main-DWL2Wmg9.js";
