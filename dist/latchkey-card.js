export{L as LatchkeyCard}from"./latchkey-card-main-B3F_kPqI.js";
