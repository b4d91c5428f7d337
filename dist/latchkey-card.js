export{L as LatchkeyCard}from"./latchkey-card-main-B-cOTeuF.js";
