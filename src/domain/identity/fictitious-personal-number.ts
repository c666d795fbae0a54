/**
 * Personnummer for invented people. Skatteverket publishes a test-number series, but it cannot
 * be fetched here, so fictitious numbers are born 1890–1899: nobody alive has one, and every
 * such number is shown with the Övningsdata flag. The check digit is picked by asking the
 * validator (a maintained library, injected) which of the ten candidates it accepts.
 */
export const fictitiousPersonalNumber = (
  random: () => number,
  isValid: (candidate: string) => boolean,
): string => {
  const pick = (from: number, to: number) => from + Math.floor(random() * (to - from + 1));
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  for (;;) {
    const year = pick(1890, 1899);
    const month = pick(1, 12);
    const day = pick(1, 28);
    const serial = pad(pick(0, 999), 3);
    const stem = `${year}${pad(month, 2)}${pad(day, 2)}-${serial}`;
    for (let check = 0; check <= 9; check += 1) {
      if (isValid(`${stem}${check}`)) return `${stem}${check}`;
    }
  }
};

/**
 * A source of fictitious numbers that never gives the same one twice: one person per identity
 * holds for invented people too (the database refuses a number registered twice).
 */
export const distinctFictitiousNumbers = (
  random: () => number,
  isValid: (candidate: string) => boolean,
): (() => string) => {
  const given = new Set<string>();
  return () => {
    for (;;) {
      const number = fictitiousPersonalNumber(random, isValid);
      if (!given.has(number)) {
        given.add(number);
        return number;
      }
    }
  };
};
