import catalogue from '../../catalogues/disclosure-grounds.json';

/**
 * The law catalogue ids a disclosure ground rests on, read from the same catalogue the server
 * validates: a recorded disclosure names its provisions as they applied on its own day.
 */
export const groundReferences = (code: string): string[] =>
  catalogue.grounds.find((ground) => ground.code === code)?.legalReferences ?? [];
