/** The bench's progress log on stderr, each line stamped with the seconds since it began. */
export const began = Date.now();

export const log = (message: string) =>
  console.error(`[bench ${((Date.now() - began) / 1000).toFixed(0).padStart(4)} s] ${message}`);
