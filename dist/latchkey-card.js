export{L as LatchkeyCard}from"./latchkey-card-main-D8Jg6jXz.js";
