export{L as LatchkeyCard}from"./latchkey-card-main-D0k7pC7U.js";
