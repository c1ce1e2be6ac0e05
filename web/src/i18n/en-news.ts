import type { frNews } from './fr-news';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** English: same keys as French, checked by the compiler. */
export const enNews: Shape<typeof frNews> = {
  news: {
    title: 'News monitoring',
    tab: 'News',
    pending_one: '{{count}} event to review',
    pending_other: '{{count}} events to review',
    empty: 'No event waiting for review.',
    place: 'Place',
    date: 'Date',
    article: 'Article',
    correct: 'Correct the type and release',
    accept: 'Accept',
    reject: 'Reject',
    confirmReject: 'Confirm rejection',
    rejectNote: 'Reason for rejecting (optional)',
    failed: 'The action failed',
    pasteArticle: 'Paste an article',
    published: 'Publication date',
    url: 'Address (optional)',
    articleTitle: 'Title',
    text: 'Text',
    submitArticle: 'Analyse',
    duplicate: 'Article already received: nothing new.',
    irrelevant: 'No security event found in the article.',
    found_one: '{{count}} event found.',
    found_other: '{{count}} events found.',
    feedOnly: 'The events found wait for an analyst or a coordinator to review them.',
  },
  sitrep: {
    button: 'Situation report',
    short: 'Report',
    audience: 'Version',
    own: '{{nation}}: full picture',
    partner: 'For {{nation}}: what is released to it',
    title: 'Situation report',
    html: 'Open (HTML)',
    pdf: 'Download (PDF)',
    invalid: 'Give two dates, the first before the second.',
  },
};
