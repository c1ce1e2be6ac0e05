/** @deprecated GeoJSON types are in the kernel: import from `../kernel/geojson.js`. */
export * from '../kernel/geojson.js';
