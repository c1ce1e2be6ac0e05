import { describe, expect, it } from 'vitest';
import { checkMainEvent, score, type EventAnswer, type GoldEvent, type ScoredPair } from '../../scripts/news-score.js';

const diboli: GoldEvent = {
  date: '2025-02-20',
  location: 'Diboli',
  lat: 14.4551,
  lon: -12.1995,
  event_type: 'Battles',
  sub_event_type: 'Armed clash',
  fatalities: null,
};
const relevant = (events: GoldEvent[]): ScoredPair['gold'] => ({ relevant: true, events });
const irrelevant: ScoredPair['gold'] = { relevant: false, events: [] };

describe('news extraction scores', () => {
  it('counts relevance as precision, recall and F1', () => {
    const m = score([
      { gold: relevant([diboli]), system: { relevant: true, events: [diboli] } },
      { gold: relevant([diboli]), system: { relevant: false, events: [] } },
      { gold: irrelevant, system: { relevant: true, events: [diboli] } },
      { gold: irrelevant, system: { relevant: false, events: [] } },
    ]);
    expect(m.relevance).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5 });
    // The missed relevant item counts as wrong on every field of the main event.
    expect(m.mainDate).toBe(0.5);
    expect(m.eventRecall).toBe(0.5);
    // The event told of an irrelevant item is a wrong event.
    expect(m.eventPrecision).toBe(0.5);
  });

  it('takes a date at the gold precision, a place within 25 km or by its name', () => {
    const pair = (system: Partial<EventAnswer>): ScoredPair => ({
      gold: relevant([{ ...diboli, date: '2025-02' }]),
      system: { relevant: true, events: [{ ...diboli, ...system }] },
    });
    expect(checkMainEvent(pair({ date: '2025-02-14' }))!.date).toBe(true);
    expect(checkMainEvent(pair({ date: '2025' }))!.date).toBe(false);
    expect(checkMainEvent(pair({ date: null }))!.date).toBe(false);
    // A month written as its first day counts by its month alone.
    const firstOfMonth: ScoredPair['gold'] = relevant([{ ...diboli, date: '2025-02-01', date_precision: 'month' }]);
    expect(checkMainEvent({ gold: firstOfMonth, system: { relevant: true, events: [{ ...diboli, date: '2025-02' }] } })!.date).toBe(true);
    expect(checkMainEvent({ gold: firstOfMonth, system: { relevant: true, events: [{ ...diboli, date: '2025-03' }] } })!.date).toBe(false);
    expect(
      checkMainEvent({
        gold: relevant([{ ...diboli, date: '2025-02-01', date_precision: 'day' }]),
        system: { relevant: true, events: [{ ...diboli, date: '2025-02' }] },
      })!.date,
    ).toBe(false);
    // Kidira, across the bridge: about 2 km away.
    expect(checkMainEvent(pair({ location: 'Kidira', lat: 14.4594, lon: -12.2161 }))!.place).toBe(true);
    // Kayes, 80 km away under another name, is not the place; the same name is, whatever the coordinates.
    expect(checkMainEvent(pair({ location: 'Kayes', lat: 14.4469, lon: -11.4445 }))!.place).toBe(false);
    expect(checkMainEvent(pair({ location: 'diboli', lat: null, lon: null }))!.place).toBe(true);
  });

  it('reads a missing toll as null and a missing event as wrong everywhere', () => {
    const withToll: GoldEvent = { ...diboli, fatalities: 3 };
    expect(checkMainEvent({ gold: relevant([diboli]), system: { relevant: true, events: [{ ...diboli, fatalities: undefined }] } })!.fatalities).toBe(true);
    expect(checkMainEvent({ gold: relevant([withToll]), system: { relevant: true, events: [] } })).toEqual({
      date: false,
      place: false,
      type: false,
      subType: false,
      fatalities: false,
    });
    expect(checkMainEvent({ gold: irrelevant, system: { relevant: true, events: [diboli] } })).toBeNull();
  });

  it('finds a gold event anywhere in the answer, only with its type, date and place', () => {
    const kayes: GoldEvent = { ...diboli, location: 'Kayes', lat: 14.4469, lon: -11.4445 };
    const m = score([
      {
        gold: relevant([diboli, kayes]),
        system: { relevant: true, events: [kayes, { ...diboli, event_type: 'Riots' }] },
      },
    ]);
    expect(m.eventRecall).toBe(0.5);
    expect(m.eventPrecision).toBe(0.5);
    expect(m.mainPlace).toBe(0);
  });
});
