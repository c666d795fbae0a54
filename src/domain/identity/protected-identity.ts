/**
 * Protected identity (skyddade personuppgifter). The three Swedish levels, from the weakest:
 * sekretessmarkering (a flag in the population register), skyddad folkbokföring (formerly
 * kvarskrivning; registered at another address) and fingerade personuppgifter (a fictitious
 * identity). At every level the person's address and whereabouts are shown to nobody by default.
 */
export const protectionLevels = [
  'none',
  'confidentialityMarking',
  'protectedRegistration',
  'fictitiousIdentity',
] as const;
export type ProtectionLevel = (typeof protectionLevels)[number];

export const protectionLabelsSv: Record<ProtectionLevel, string> = {
  none: 'Inga skyddade personuppgifter',
  confidentialityMarking: 'Sekretessmarkering',
  protectedRegistration: 'Skyddad folkbokföring',
  fictitiousIdentity: 'Fingerade personuppgifter',
};

export const protectionLabelsEn: Record<ProtectionLevel, string> = {
  none: 'No protected personal data',
  confidentialityMarking: 'Confidentiality marking',
  protectedRegistration: 'Protected registration',
  fictitiousIdentity: 'Fictitious identity',
};

/** The text shown wherever a protected address would have been. */
export const maskedText = '••• skyddad uppgift •••';

/** The stronger of two levels: protection is never lowered by registering a person again. */
export const strongerProtection = (a: ProtectionLevel, b: ProtectionLevel): ProtectionLevel =>
  protectionLevels.indexOf(a) >= protectionLevels.indexOf(b) ? a : b;

export const isProtected = (level: ProtectionLevel): boolean => level !== 'none';

/**
 * What a viewer sees of an address. A protected address is masked unless the viewer has
 * just made the explicit, reasoned and logged request to see it.
 */
export const presentAddress = (
  address: string | null,
  level: ProtectionLevel,
  revealed: boolean,
): string | null => {
  if (address === null) return null;
  if (isProtected(level) && !revealed) return maskedText;
  return address;
};

/** Masks a personnummer's last four digits for protected persons in lists and logs. */
export const presentPersonalNumber = (
  personalNumber: string | null,
  level: ProtectionLevel,
): string | null => {
  if (personalNumber === null) return null;
  if (!isProtected(level)) return personalNumber;
  return personalNumber.replace(/\d{4}$/, 'XXXX');
};
