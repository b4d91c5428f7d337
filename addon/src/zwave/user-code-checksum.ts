/**
 * What a User Code lock answers to a User Code Checksum Get (User Code CC v2) for these codes:
 * CRC-16 (CCITT polynomial 0x1021, start 0x1D0F) over every occupied slot in ascending order —
 * its number (2 bytes), its status (1, enabled) and its PIN's digits — and 0 for a lock that
 * holds no code. One report then tells whether a lock holds exactly what Latchkey believes.
 */
export function userCodeChecksum(codes: ReadonlyMap<number, string>): number {
  const bytes: number[] = [];
  for (const [slot, pin] of [...codes].sort(([a], [b]) => a - b)) {
    bytes.push((slot >> 8) & 0xff, slot & 0xff, ENABLED);
    for (const digit of pin) bytes.push(digit.charCodeAt(0));
  }
  if (bytes.length === 0) return 0;
  let crc = 0x1d0f;
  for (const byte of bytes)
    for (let bit = 0x80; bit !== 0; bit >>= 1) {
      const feedback = ((byte & bit) !== 0) !== ((crc & 0x8000) !== 0);
      crc = (crc << 1) & 0xffff;
      if (feedback) crc ^= 0x1021;
    }
  return crc;
}

const ENABLED = 1;
