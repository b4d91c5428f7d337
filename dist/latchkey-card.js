export{L as LatchkeyCard}from"./latchkey-card-main-C64X3ZmO.js";
