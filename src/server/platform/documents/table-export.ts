import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';

/**
 * Tables for spreadsheets: CSV (semicolon-separated with a byte-order mark, so Swedish Excel
 * reads å, ä, ö) and XLSX with one sheet per table. Text that a spreadsheet would run as a
 * formula is neutralised in both.
 */
export type Cell = string | number | boolean | null;
export type ExportTable = {
  name: string;
  columns: { key: string; header: string }[];
  rows: Record<string, Cell>[];
};

const formulaStart = /^[=+\-@\t\r]/;
const safe = (cell: Cell): Cell =>
  typeof cell === 'string' && formulaStart.test(cell) ? `'${cell}` : cell;

export const tableToCsv = (table: ExportTable): string =>
  stringify(
    table.rows.map((row) => table.columns.map((column) => safe(row[column.key] ?? null))),
    {
      bom: true,
      delimiter: ';',
      header: true,
      columns: table.columns.map((column) => column.header),
      cast: { boolean: (value) => (value ? 'ja' : 'nej') },
    },
  );

export const tablesToXlsx = async (tables: readonly ExportTable[]): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Fristad';
  for (const table of tables) {
    // Sheet names are at most 31 characters and may not contain []:*?/\ in Excel.
    const sheet = workbook.addWorksheet(table.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31));
    sheet.columns = table.columns.map((column) => ({
      header: column.header,
      key: column.key,
      width: Math.min(60, Math.max(12, column.header.length + 2)),
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows)
      sheet.addRow(
        Object.fromEntries(
          table.columns.map((column) => [column.key, safe(row[column.key] ?? null)]),
        ),
      );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
};
