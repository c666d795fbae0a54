import Personnummer from 'personnummer';
import type { FieldIssueCode } from '../field-issues';

/**
 * How a person is identified. People without a Swedish number are common in this work
 * (newly arrived, protected, unknown), so "none" is a normal answer, not an error.
 */
export const identityKinds = ['personnummer', 'samordningsnummer', 'reservnummer', 'none'] as const;
export type IdentityKind = (typeof identityKinds)[number];

export type ParsedIdentity =
  { ok: true; value: string | null } | { ok: false; message: string; code: FieldIssueCode };

/** YYYYMMDD-NNNN, the form stored and shown. */
const longWithDash = (number: Personnummer): string => {
  const digits = number.format(true);
  return `${digits.slice(0, 8)}-${digits.slice(8)}`;
};

/**
 * Validates and normalises an identity number with the maintained `personnummer` library
 * (checksum, dates, samordningsnummer day + 60). Reservnummer have no national format: each
 * region has its own, so only their shape is checked.
 */
export const parseIdentity = (kind: IdentityKind, raw: string | null): ParsedIdentity => {
  const value = raw?.trim() ?? '';
  if (kind === 'none') {
    return value
      ? {
          ok: false,
          message: 'Välj typ av nummer, eller lämna fältet tomt.',
          code: 'numberKindMismatch',
        }
      : { ok: true, value: null };
  }
  if (!value) return { ok: false, message: 'Skriv numret.', code: 'required' };
  if (kind === 'reservnummer') {
    return /^[A-Za-z0-9-]{4,20}$/.test(value)
      ? { ok: true, value: value.toUpperCase() }
      : {
          ok: false,
          message: 'Ett reservnummer har 4–20 tecken: bokstäver, siffror och bindestreck.',
          code: 'badFormat',
        };
  }
  try {
    const parsed = Personnummer.parse(value, {
      allowCoordinationNumber: true,
      allowInterimNumber: false,
    });
    if (kind === 'personnummer' && parsed.isCoordinationNumber()) {
      return {
        ok: false,
        message: 'Det här är ett samordningsnummer. Välj samordningsnummer.',
        code: 'numberKindMismatch',
      };
    }
    if (kind === 'samordningsnummer' && !parsed.isCoordinationNumber()) {
      return {
        ok: false,
        message: 'Det här är inget samordningsnummer (dagen ska vara 61–91).',
        code: 'numberKindMismatch',
      };
    }
    return { ok: true, value: longWithDash(parsed) };
  } catch {
    return {
      ok: false,
      message:
        kind === 'personnummer'
          ? 'Personnumret stämmer inte. Kontrollera siffrorna.'
          : 'Samordningsnumret stämmer inte. Kontrollera siffrorna.',
      code: 'identityNumberInvalid',
    };
  }
};

/**
 * A person's age in whole years on a given day (YYYY-MM-DD), from a stored personnummer or
 * samordningsnummer; null for reservnummer and no number. The day is passed in, not read from
 * the machine's clock, so rules about age follow the server's clock.
 */
export const ageOn = (storedNumber: string | null, today: string): number | null => {
  if (
    !storedNumber ||
    !Personnummer.valid(storedNumber, { allowCoordinationNumber: true, allowInterimNumber: false })
  )
    return null;
  const born = Personnummer.parse(storedNumber, {
    allowCoordinationNumber: true,
    allowInterimNumber: false,
  }).getDate();
  const birthDay = `${String(born.getMonth() + 1).padStart(2, '0')}-${String(born.getDate()).padStart(2, '0')}`;
  const years = Number(today.slice(0, 4)) - born.getFullYear();
  return today.slice(5) < birthDay ? years - 1 : years;
};
