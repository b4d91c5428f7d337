export{L as LatchkeyCard}from"./latchkey-card-main-BhXaiJ_G.js";
