import PDFDocument from 'pdfkit';

/**
 * A printable document as data: what it says, not how it is laid out. Commands build it from
 * presenters (so protected identity is already masked for the viewer); renderPdf lays it out.
 * Risk assessments, safety plans and county reports use the same shape.
 */
export type DocumentModel = {
  title: string;
  subtitle?: string;
  /** Shown at the top of every document that holds personal data. */
  notice: string;
  sections: DocumentSection[];
  /** Who printed it and when, at the foot of each page. */
  footer: string;
  language: 'sv' | 'en';
  createdAt: Date;
};

export type DocumentSection = {
  heading: string;
  facts?: readonly (readonly [string, string])[];
  paragraphs?: readonly string[];
  items?: readonly string[];
  /** Shown when the section has nothing else, so an empty section says so in words. */
  empty?: string;
};

const margin = 56;

/**
 * Renders a document to PDF with the fonts built into every PDF reader (no external font
 * files), tagged for screen readers, with the title shown in the reader's title bar.
 */
export const renderPdf = (model: DocumentModel): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin,
      bufferPages: true,
      tagged: true,
      displayTitle: true,
      lang: model.language === 'en' ? 'en-GB' : 'sv-SE',
      info: { Title: model.title, Creator: 'Fristad', CreationDate: model.createdAt },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);

    doc.font('Helvetica-Bold').fontSize(18).text(model.title);
    if (model.subtitle) doc.font('Helvetica').fontSize(12).text(model.subtitle);
    doc.moveDown(0.5);
    doc.font('Helvetica-Oblique').fontSize(9).text(model.notice);
    doc.moveDown();

    for (const section of model.sections) writeSection(doc, section);

    // Footers last, on every buffered page, inside the bottom margin.
    const range = doc.bufferedPageRange();
    for (let index = range.start; index < range.start + range.count; index += 1) {
      doc.switchToPage(index);
      const bottom = doc.page.height - margin / 2 - 10;
      doc
        .font('Helvetica')
        .fontSize(8)
        .text(`${model.footer} · ${index + 1}/${range.count}`, margin, bottom, {
          width: doc.page.width - 2 * margin,
          lineBreak: false,
        });
    }
    doc.end();
  });

const writeSection = (doc: PDFKit.PDFDocument, section: DocumentSection) => {
  doc.font('Helvetica-Bold').fontSize(13).text(section.heading);
  doc.moveDown(0.3);
  doc.font('Helvetica').fontSize(10);
  const hasContent =
    (section.facts?.length ?? 0) +
      (section.paragraphs?.length ?? 0) +
      (section.items?.length ?? 0) >
    0;
  if (!hasContent && section.empty) doc.text(section.empty);
  for (const [label, value] of section.facts ?? []) {
    doc.font('Helvetica-Bold').text(`${label}: `, { continued: true });
    doc.font('Helvetica').text(value);
  }
  for (const paragraph of section.paragraphs ?? []) doc.text(paragraph).moveDown(0.3);
  if (section.items?.length) doc.list([...section.items], { bulletRadius: 1.5 });
  doc.moveDown();
};
