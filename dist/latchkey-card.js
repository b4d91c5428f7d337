export{L as LatchkeyCard}from"./latchkey-card-main-C30oFRVS.js";
