export{L as LatchkeyCard}from"./latchkey-card-main-nY02dFuT.js";
