export{L as LatchkeyCard}from"./latchkey-card-main-BtATrbP5.js";
