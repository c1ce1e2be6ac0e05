import { describe, expect, it } from 'vitest';
import { CotFrames } from '../../src/tak/cot-frames.js';
import { CotRefused, MAX_COT_BYTES, parseCot } from '../../src/tak/cot-parse.js';

const pli = (uid = 'ANDROID-1', extra = '') =>
  `<event version="2.0" uid="${uid}" type="a-f-G-U-C" how="m-g" time="2026-12-04T10:00:00Z" start="2026-12-04T10:00:00Z" stale="2026-12-04T10:05:00Z"><point lat="14.5" lon="-12.1" hae="0" ce="5" le="9999999"/><detail><contact callsign="FALCON"/>${extra}</detail></event>`;

const BILLION_LAUGHS = `<?xml version="1.0"?><!DOCTYPE event [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>${pli('x', '<remarks>&lol3;</remarks>')}`;

describe('reading an inbound CoT event', () => {
  it('reads a PLI, its times in UTC', () => {
    expect(parseCot(pli())).toMatchObject({ uid: 'ANDROID-1', type: 'a-f-G-U-C', time: '2026-12-04T10:00:00.000Z', callsign: 'FALCON' });
  });

  it.each([
    ['an entity bomb', BILLION_LAUGHS, /document type/],
    ['an undeclared entity', pli('x', '<remarks>&lol;</remarks>'), /unknown entity/],
    ['malformed XML', pli().replace('</detail>', ''), /malformed/],
    ['an event longer than the limit', pli('x', `<remarks>${'a'.repeat(MAX_COT_BYTES)}</remarks>`), /longer than/],
    ['a wrong time format', pli().replace('time="2026-12-04T10:00:00Z"', 'time="04/12/2026 10:00"'), /time is not/],
    ['a point out of range', pli().replace('lat="14.5"', 'lat="95"'), /lat out of range/],
    ['no point', pli().replace(/<point[^>]*\/>/, ''), /missing point/],
    ['another document', '<gpx version="1.1"/>', /not one <event>/],
    ['a type that is not CoT', pli().replace('type="a-f-G-U-C"', 'type="<script>"'), /malformed|type/],
  ])('refuses %s, saying why', (_name, text, reason) => {
    expect(() => parseCot(text)).toThrow(CotRefused);
    expect(() => parseCot(text)).toThrow(reason);
  });
});

describe('cutting a stream into events', () => {
  it('cuts events split anywhere, behind declarations, and waits for the rest', () => {
    const frames = new CotFrames();
    const stream = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${pli('a')}\n<?xml version="1.0"?>${pli('b')}${pli('c')}`);
    const events: string[] = [];
    for (let i = 0; i < stream.length; i += 7) events.push(...frames.push(stream.subarray(i, i + 7)));
    expect(events.map((e) => parseCot(e).uid)).toEqual(['a', 'b', 'c']);
    expect(frames.pending).toBe(0);
    expect(frames.push(Buffer.from(pli('d').slice(0, 50)))).toEqual([]);
    expect(frames.pending).toBe(50);
  });

  it('refuses a stream that is not CoT, and an event that never ends within the limit', () => {
    expect(() => new CotFrames().push(Buffer.from('GET / HTTP/1.1\r\n'))).toThrow(/something other/);
    const frames = new CotFrames();
    frames.push(Buffer.from('<event uid="x">'));
    expect(() => frames.push(Buffer.alloc(MAX_COT_BYTES, 'a'))).toThrow(/no complete event/);
  });
});
