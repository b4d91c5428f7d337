// Splits the Z-Wave serial API byte stream arriving over TCP into single frames.
// Why: TCP delivers arbitrary chunks (e.g. the driver's ACK glued to the next request during
// soft reset), but zwave-js's MockController expects exactly one frame per chunk and throws
// "does not start with SOF" otherwise. Partial frames are kept until the rest arrives.

const SOF = 0x01;
const SINGLE_BYTE_FRAMES: ReadonlySet<number> = new Set([0x06, 0x15, 0x18]); // ACK, NAK, CAN

export interface FrameSplitter {
  /** Feeds raw bytes; returns every frame completed by them, in order. */
  push(chunk: Uint8Array): Uint8Array<ArrayBuffer>[];
  /** Bytes that were neither a header byte nor part of an SOF frame (dropped). */
  readonly discarded: number;
}

export function createFrameSplitter(): FrameSplitter {
  let buffer: Uint8Array<ArrayBuffer> = new Uint8Array(0);
  let discarded = 0;

  function append(chunk: Uint8Array): void {
    const merged = new Uint8Array(buffer.length + chunk.length);
    merged.set(buffer, 0);
    merged.set(chunk, buffer.length);
    buffer = merged;
  }

  return {
    get discarded() {
      return discarded;
    },
    push(chunk) {
      append(chunk);
      const frames: Uint8Array<ArrayBuffer>[] = [];
      let offset = 0;
      while (offset < buffer.length) {
        const first = buffer[offset];
        if (first === undefined) break;
        if (SINGLE_BYTE_FRAMES.has(first)) {
          frames.push(buffer.slice(offset, offset + 1));
          offset += 1;
          continue;
        }
        if (first !== SOF) {
          // Line noise: a real controller ignores it too; skip to the next candidate byte.
          discarded += 1;
          offset += 1;
          continue;
        }
        const length = buffer[offset + 1];
        if (length === undefined) break; // length byte not here yet
        // SOF + length byte + `length` bytes (type, function, payload, checksum).
        const total = length + 2;
        if (offset + total > buffer.length) break; // rest of the frame not here yet
        frames.push(buffer.slice(offset, offset + total));
        offset += total;
      }
      buffer = buffer.slice(offset);
      return frames;
    },
  };
}
