export{L as LatchkeyCard}from"./latchkey-card-main-BMpkzsFA.js";
