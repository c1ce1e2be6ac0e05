/** @deprecated The clock and id sources are in the kernel: import from `../kernel/clock.js`. */
export * from '../kernel/clock.js';
