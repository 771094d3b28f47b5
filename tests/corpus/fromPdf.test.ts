import { describe, expect, it } from 'vitest';
import { articleFromPdf } from '../../src/corpus/fromPdf.js';
import { makePdf } from '../support/pdf.js';

const BRIEF = [
  { text: 'North Korean losses in Kursk: a briefing note', y: 790 },
  { text: 'At least 300 North Korean soldiers have been killed and about 2,700 wounded', y: 750 },
  { text: 'since the first units reached the front, the intelligence service told the com-', y: 737 },
  { text: 'mittee on Monday.', y: 724 },
  { text: 'The service said a second contingent of roughly 3,000 troops had arrived by the', y: 698 },
  { text: 'end of January to replace the losses.', y: 685 },
];

describe('an article from a PDF', () => {
  it('GIVEN a two-page brief with a title THEN its title, and paragraphs rebuilt from the lines, a hyphenated word joined', async () => {
    const pdf = makePdf(
      [BRIEF, [{ text: 'Russia has not commented on the figures, which could not be verified.', y: 790 }]],
      'Kursk briefing note',
    );
    const result = await articleFromPdf(pdf, 'https://briefings.example/kursk.pdf');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article).toMatchObject({
      title: 'Kursk briefing note',
      publisher: null,
      published: null,
      url: 'https://briefings.example/kursk.pdf',
      provenance: { title: 'the PDF title', url: 'the address it was fetched from' },
    });
    expect(result.article.text.split('\n\n')).toEqual([
      'North Korean losses in Kursk: a briefing note',
      'At least 300 North Korean soldiers have been killed and about 2,700 wounded since the first units reached the front, the intelligence service told the committee on Monday.',
      'The service said a second contingent of roughly 3,000 troops had arrived by the end of January to replace the losses.',
      'Russia has not commented on the figures, which could not be verified.',
    ]);
  });

  it('GIVEN a PDF whose title is a file name THEN the first line is the title', async () => {
    const result = await articleFromPdf(makePdf([BRIEF], 'Microsoft Word - brief-final.docx'), null);
    expect(result.ok && [result.article.title, result.article.provenance.title]).toEqual([
      'North Korean losses in Kursk: a briefing note',
      'first line',
    ]);
  });

  it('GIVEN a PDF with no text layer, or bytes that are no PDF THEN refused with the reason', async () => {
    expect(await articleFromPdf(makePdf([[]]), null)).toEqual({
      ok: false,
      reason: 'the PDF has no text layer (a scan or an image): nothing to index',
    });
    const broken = await articleFromPdf(new TextEncoder().encode('<html>not a pdf</html>'), null);
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.reason).toMatch(/^the PDF cannot be read/);
  });
});
