// Keeps a CSV cell from being read as a formula when the file is opened in a spreadsheet (CSV injection): a cell
// that starts with =, +, -, @, tab or carriage return gets a leading apostrophe, which spreadsheets show as text.
// Numbers and phone numbers stay as they are, since -12.5 and +919876543210 are data, not formulas.

const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal number, optionally signed: nothing a spreadsheet could evaluate as an expression. */
const WHOLLY_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
/** A phone number: a + then digits, with the spaces people write between groups. */
const PHONE_NUMBER = /^\+\d[\d ]*\d$/;

export function spreadsheetSafe(cell: string): string {
  if (!FORMULA_START.test(cell)) return cell;
  if (WHOLLY_NUMBER.test(cell) || PHONE_NUMBER.test(cell)) return cell;
  return `'${cell}`;
}
