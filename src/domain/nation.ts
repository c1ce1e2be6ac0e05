/** @deprecated Nation codes are in the kernel: import from `../kernel/nation.js`. */
export * from '../kernel/nation.js';
