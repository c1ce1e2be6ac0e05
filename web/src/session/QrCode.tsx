import { useMemo } from 'react';
import { create } from 'qrcode';

/** Quiet zone around the code, in modules, as scanners expect. */
const MARGIN = 4;

/**
 * A QR code drawn as one SVG path in the page itself: nothing fetched, no image data address,
 * nothing the node's content policy has to allow.
 */
export function QrCode({ text, label }: { text: string; label: string }) {
  const { size, path } = useMemo(() => {
    const { modules } = create(text, { errorCorrectionLevel: 'M' });
    let d = '';
    for (let row = 0; row < modules.size; row++) {
      for (let column = 0; column < modules.size; column++) {
        if (modules.get(row, column)) d += `M${column + MARGIN} ${row + MARGIN}h1v1h-1z`;
      }
    }
    return { size: modules.size + 2 * MARGIN, path: d };
  }, [text]);
  return (
    <svg className="qr-code" role="img" aria-label={label} viewBox={`0 0 ${size} ${size}`} shapeRendering="crispEdges" data-testid="enrolment-qr">
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
